using Controls.Web.Domain;
using Hangfire;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Controls.Web.Infrastructure.Authorization;

/// <summary>
/// Who may use which page, declared in one place. Every page needs a signed-in user
/// (the fallback policy) unless it is listed as public here; folders are given to roles.
/// Record-level rules ("only your own department") live in the features' queries.
/// </summary>
public static class PageAccess
{
    public const string Administration = nameof(Administration);
    public const string SignedIn = nameof(SignedIn);
    /// <summary>Compliance officers and administrators: catalogs and inspection schedules.</summary>
    public const string CatalogEditors = nameof(CatalogEditors);
    public const string ContractorEditors = nameof(ContractorEditors);
    public const string Reviewers = nameof(Reviewers);
    public const string DepartmentHeads = nameof(DepartmentHeads);
    /// <summary>Compliance officers, administrators and department heads: the incident register, changes to the ledger.</summary>
    public const string IncidentUsers = nameof(IncidentUsers);
    /// <summary>Auditors and compliance officers: plan audits and do fieldwork.</summary>
    public const string AuditManagers = nameof(AuditManagers);
    /// <summary>Any of the five roles (not a delegate without one): the dashboard and its workbook.</summary>
    public const string Reporting = nameof(Reporting);
    /// <summary>Administrators and compliance officers: the audit trail (sign-ins and refused requests included: reviewing access is the compliance officer's duty too).</summary>
    public const string AuditTrailReaders = nameof(AuditTrailReaders);
    /// <summary>Compliance officers, administrators and management: the published statement of security measures taken.</summary>
    public const string StatementReaders = nameof(StatementReaders);
    /// <summary>Management, compliance officers and auditors: the management reviews (auditors check that they were held and followed up).</summary>
    public const string ManagementReviewReaders = nameof(ManagementReviewReaders);
    /// <summary>Management and compliance officers: record a management review and its outputs.</summary>
    public const string ManagementReviewRecorders = nameof(ManagementReviewRecorders);

    /// <summary>Compliance officers, auditors, management and department heads: the register of data subjects' requests (Features/Requests/RequestAccess scopes it).</summary>
    public const string RequestReaders = nameof(RequestReaders);
    /// <summary>Compliance officers and department heads: record data subjects' requests and their handling.</summary>
    public const string RequestRecorders = nameof(RequestRecorders);

    private static readonly string[] ManagementReviewRecorderRoles = [Roles.Management, Roles.ComplianceOfficer];
    private static readonly string[] ManagementReviewReaderRoles = [Roles.Management, Roles.ComplianceOfficer, Roles.Auditor];

    /// <summary>Who reads the register of data subjects' requests (Features/Requests; department heads only their own departments).</summary>
    public static readonly string[] RequestReaderRoles = [Roles.ComplianceOfficer, Roles.Auditor, Roles.Management, Roles.DepartmentHead];

    /// <summary>Who records requests (department heads only for their own department).</summary>
    public static readonly string[] RequestRecorderRoles = [Roles.ComplianceOfficer, Roles.DepartmentHead];

    /// <summary>Whether this user may read management reviews (links to them are shown only to those).</summary>
    public static bool ReadsManagementReviews(System.Security.Claims.ClaimsPrincipal user) => ManagementReviewReaderRoles.Any(user.IsInRole);

    /// <summary>Whether this user may record management reviews (what the pages show; <see cref="ManagementReviewRecorders"/> is what they enforce).</summary>
    public static bool MayRecordManagementReviews(System.Security.Claims.ClaimsPrincipal user) => ManagementReviewRecorderRoles.Any(user.IsInRole);

    public static void AddPolicies(AuthorizationOptions options)
    {
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        options.AddPolicy(Administration, p => p.RequireRole(Roles.Administrator));
        options.AddPolicy(CatalogEditors, p => p.RequireRole(Roles.ComplianceOfficer, Roles.Administrator));
        options.AddPolicy(ContractorEditors, p => p.RequireRole(Roles.ComplianceOfficer, Roles.Administrator, Roles.DepartmentHead));
        options.AddPolicy(Reviewers, p => p.RequireRole(Roles.ComplianceOfficer));
        options.AddPolicy(DepartmentHeads, p => p.RequireRole(Roles.DepartmentHead));
        options.AddPolicy(IncidentUsers, p => p.RequireRole(Roles.ComplianceOfficer, Roles.Administrator, Roles.DepartmentHead));
        options.AddPolicy(AuditManagers, p => p.RequireRole(Roles.Auditor, Roles.ComplianceOfficer));
        options.AddPolicy(Reporting, p => p.RequireRole(Roles.Management, Roles.ComplianceOfficer, Roles.Auditor, Roles.Administrator, Roles.DepartmentHead));
        options.AddPolicy(AuditTrailReaders, p => p.RequireRole(Roles.Administrator, Roles.ComplianceOfficer));
        options.AddPolicy(StatementReaders, p => p.RequireRole(Roles.ComplianceOfficer, Roles.Administrator, Roles.Management));
        options.AddPolicy(ManagementReviewReaders, p => p.RequireRole(ManagementReviewReaderRoles));
        options.AddPolicy(ManagementReviewRecorders, p => p.RequireRole(ManagementReviewRecorderRoles));
        options.AddPolicy(RequestReaders, p => p.RequireRole(RequestReaderRoles));
        options.AddPolicy(RequestRecorders, p => p.RequireRole(RequestRecorderRoles));
    }

    /// <summary>
    /// The Hangfire dashboard (jobs, schedules, history, "trigger now"), not a Razor page: administrators
    /// only, like the rest of /Admin (anonymous visitors are sent to sign in, other roles get 403);
    /// its POST actions need the antiforgery token.
    /// </summary>
    public const string JobsDashboard = "/Admin/Jobs";

    public static void MapJobsDashboard(IEndpointRouteBuilder endpoints, JobStorage storage) =>
        endpoints.MapHangfireDashboardWithAuthorizationPolicy(Administration, JobsDashboard, new DashboardOptions
        {
            AppPath = "/",
            DashboardTitle = "Controls",
            DisplayStorageConnectionString = false,
            IgnoreAntiforgeryToken = false,
        }, storage);

    public static void AddConventions(PageConventionCollection pages)
    {
        // Public: signing in, its second factor, the language switch and the error pages.
        pages.AllowAnonymousToPage("/Account/SignIn");
        pages.AllowAnonymousToPage("/Account/SignInTwoFactor");
        pages.AllowAnonymousToPage("/Account/SignInRecoveryCode");
        pages.AllowAnonymousToPage("/Account/Lockout");
        pages.AllowAnonymousToPage("/Language/Index");
        pages.AllowAnonymousToPage("/Error");
        pages.AllowAnonymousToPage("/StatusCode");
        // The personal audit calendar feed: calendar apps cannot sign in; the secret in its URL is the key.
        pages.AllowAnonymousToPage("/Audits/Feed");

        // Administrators: users, departments, organisation settings, mail outbox, and the exports of their lists
        // (and the jobs dashboard: MapJobsDashboard);
        // the audit trail for administrators and compliance officers. Every page under /Admin gets exactly one of the two.
        pages.AddFolderApplicationModelConvention("/Admin", model => model.EndpointMetadata.Add(new AuthorizeAttribute(
            model.ViewEnginePath.StartsWith("/Admin/AuditTrail/", StringComparison.Ordinal) ? AuditTrailReaders : Administration)));

        // Catalogs: everyone signed in reads them; compliance officers and administrators change them.
        pages.AuthorizePage("/Catalog/Upload", CatalogEditors);
        pages.AuthorizePage("/Catalog/Edit", CatalogEditors);
        pages.AuthorizePage("/Catalog/EditMeasure", CatalogEditors);
        pages.AuthorizePage("/Catalog/EditItem", CatalogEditors);

        // Inspection schedules: compliance officers (and administrators).
        pages.AuthorizeFolder("/Schedules", CatalogEditors);
        // Contractors: everyone signed in opens the register (a department head sees their department's);
        // compliance officers and administrators change any, a department head their own department's.
        pages.AuthorizePage("/Contractors/Create", ContractorEditors);
        pages.AuthorizePage("/Contractors/Edit", ContractorEditors);
        // Notifications: every signed-in user, each seeing only their own (the page's query).
        pages.AuthorizePage("/Notifications/Index", SignedIn);
        // Inspections and actions: everyone signed in, scoped to their department by InspectionAccess;
        // delegates are named by department heads; reviews are the compliance officers'.
        pages.AuthorizePage("/Inspections/Delegates", DepartmentHeads);
        pages.AuthorizeFolder("/Inspections/Review", Reviewers);
        // Incidents: compliance officers and administrators (all), department heads (their department's, by IncidentAccess).
        pages.AuthorizeFolder("/Incidents", IncidentUsers);
        // Data subjects' requests (開示等の請求等): compliance officers, auditors and management read every department's,
        // department heads their own (and those below, by RequestAccess); compliance officers record any, a department
        // head their own department's (the handling steps on the record's page are checked by the page: 403).
        pages.AuthorizeFolder("/Requests", RequestReaders);
        pages.AuthorizePage("/Requests/Create", RequestRecorders);
        pages.AuthorizePage("/Requests/Edit", RequestRecorders);
        // Ledger: everyone signed in reads it (a department head and delegates their department's, by LedgerAccess);
        // compliance officers and administrators change any entry, a department head their own department's.
        pages.AuthorizePage("/Ledger/Create", IncidentUsers);
        pages.AuthorizePage("/Ledger/Edit", IncidentUsers);
        pages.AuthorizePage("/Ledger/Import", IncidentUsers);
        // Risk assessment of a ledger entry and the risk register: everyone signed in reads them, scoped as the
        // ledger (LedgerAccess: a department head their department's, a division head also those below);
        // the assessment is written by whoever may change the entry (checked by the page: 403), and residual
        // risks are accepted by compliance officers only.
        pages.AuthorizePage("/Ledger/Risk", SignedIn);
        pages.AuthorizePage("/Ledger/Risks", SignedIn);
        pages.AuthorizePage("/Ledger/RiskAcceptance", Reviewers);
        // Training and pledges (HUM-1): compliance officers and administrators keep the records;
        // department heads also see their department's coverage (a division head the departments below).
        // Each list's CSV/Excel export (?handler=Export) is its page's: the same readers.
        pages.AuthorizePage("/Training/Index", CatalogEditors);
        pages.AuthorizePage("/Training/Session", CatalogEditors);
        pages.AuthorizePage("/Training/Pledges", CatalogEditors);
        pages.AuthorizePage("/Training/Coverage", IncidentUsers);
        // Comprehension tests (理解度確認テスト): the compliance officer (and administrators) edit a session's
        // test; every signed-in user takes the tests they are expected at and sees only their own results
        // (TrainingTestAccess: anything else answers 404).
        pages.AuthorizePage("/Training/Test", CatalogEditors);
        pages.AuthorizePage("/Training/MyTests", SignedIn);
        pages.AuthorizePage("/Training/Take", SignedIn);
        pages.AuthorizePage("/Training/TestResult", SignedIn);
        // The staff roster (従業者名簿): compliance officers and administrators keep it; a department head
        // reads their own department's (the page's query).
        pages.AuthorizePage("/Training/Roster", IncidentUsers);
        pages.AuthorizePage("/Training/RosterMember", CatalogEditors);
        pages.AuthorizePage("/Training/RosterImport", CatalogEditors);
        // Audits: the programme, reports and findings for everyone signed in (a department head sees
        // their department's, AuditAccess); planning and fieldwork for auditors and compliance officers.
        // The programme's approval (/Audits/Programme) is asked for by auditors and compliance officers and
        // given by management: who may take each step is SeparationOfDuties' (a refused step changes nothing).
        pages.AuthorizePage("/Audits/Create", AuditManagers);
        pages.AuthorizePage("/Audits/Edit", AuditManagers);
        pages.AuthorizePage("/Audits/Fieldwork", AuditManagers);
        pages.AuthorizePage("/Audits/Rules", AuditManagers);
        pages.AuthorizePage("/Audits/FollowUp", AuditManagers);
        // Dashboard: management, compliance officers, auditors, administrators (all departments) and
        // department heads (their own department, enforced by the page's filter).
        pages.AuthorizeFolder("/Dashboard", Reporting);
        // The published statement of security measures taken: management reads it; compliance officers
        // and administrators edit the wording, withheld measures and country notes, and publish.
        pages.AuthorizeFolder("/Statement", StatementReaders);
        pages.AuthorizePage("/Statement/Measure", CatalogEditors);
        pages.AuthorizePage("/Statement/Country", CatalogEditors);
        pages.AuthorizePage("/Statement/Publish", CatalogEditors);
        // Answers list and findings list: everyone signed in, scoped by InspectionAccess / AuditAccess.
        pages.AuthorizePage("/Reports/Answers", SignedIn);
        pages.AuthorizePage("/Audits/Findings", SignedIn);
        // Management reviews (マネジメントレビュー): management, compliance officers and auditors read them;
        // management and compliance officers record them, their outputs and the actions that carry them out.
        pages.AuthorizeFolder("/ManagementReviews", ManagementReviewReaders);
        pages.AuthorizePage("/ManagementReviews/Create", ManagementReviewRecorders);
        pages.AuthorizePage("/ManagementReviews/Edit", ManagementReviewRecorders);
        pages.AuthorizePage("/ManagementReviews/Outputs", ManagementReviewRecorders);
        // Scheduled workbooks: compliance officers set them up; a delivery is downloaded by its recipients
        // and compliance officers (checked by the page: anyone else gets 404).
        pages.AuthorizePage("/Reports/Distribution/Index", Reviewers);
        pages.AuthorizePage("/Reports/Distribution/Download", SignedIn);
    }
}

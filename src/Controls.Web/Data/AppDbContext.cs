using Controls.Web.Domain;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Data;

/// <summary>
/// The model, provider-neutral. The app runs on one of two derived contexts —
/// <see cref="SqliteContext"/> (the default, one node) or <see cref="PostgreSqlContext"/> (several
/// nodes) — each overriding only what the engines do differently, each with its own migrations
/// (docs/adr/0008, 0010). Features ask for <see cref="AppDbContext"/>.
/// </summary>
public abstract class AppDbContext(DbContextOptions options)
    : IdentityDbContext<AppUser, AppRole, Guid>(options), IDataProtectionKeyContext
{
    public abstract DatabaseProvider Provider { get; }

    public bool IsSqlite => Provider == DatabaseProvider.Sqlite;

    /// <summary>An instant as a raw SQL parameter, stored as the provider's columns hold it (PostgreSQL: UTC).</summary>
    public virtual object ForSql(DateTimeOffset instant) => instant.ToUniversalTime();

    /// <summary>An id as a raw SQL parameter, stored as the provider's columns hold it.</summary>
    public virtual object ForSql(Guid id) => id;

    /// <summary>An entity's row version: the <c>uint Version</c> configured with <c>IsRowVersion()</c>, which each provider stores its own way.</summary>
    public static bool IsRowVersion(Microsoft.EntityFrameworkCore.Metadata.IReadOnlyProperty property) =>
        property.ClrType == typeof(uint) && property.IsConcurrencyToken;

    public DbSet<Department> Departments => Set<Department>();
    public DbSet<AuditTrailEntry> AuditTrail => Set<AuditTrailEntry>();
    public DbSet<AuditTrailVerification> AuditTrailVerifications => Set<AuditTrailVerification>();
    public DbSet<OrganisationSettings> OrganisationSettings => Set<OrganisationSettings>();
    /// <summary>The data-protection key ring (PersistKeysToDbContext; docs/adr/0012).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<JobRun> JobRuns => Set<JobRun>();
    public DbSet<Catalog> Catalogs => Set<Catalog>();
    public DbSet<CatalogVersion> CatalogVersions => Set<CatalogVersion>();
    public DbSet<Measure> Measures => Set<Measure>();
    public DbSet<CheckItem> CheckItems => Set<CheckItem>();
    public DbSet<Contractor> Contractors => Set<Contractor>();
    public DbSet<InspectionSchedule> InspectionSchedules => Set<InspectionSchedule>();
    public DbSet<Inspection> Inspections => Set<Inspection>();
    public DbSet<Answer> Answers => Set<Answer>();
    public DbSet<Evidence> Evidence => Set<Evidence>();
    public DbSet<InspectionEvent> InspectionEvents => Set<InspectionEvent>();
    public DbSet<DepartmentDelegate> DepartmentDelegates => Set<DepartmentDelegate>();
    public DbSet<CorrectiveAction> CorrectiveActions => Set<CorrectiveAction>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<NotificationStep> NotificationSteps => Set<NotificationStep>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<Incident> Incidents => Set<Incident>();
    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();
    public DbSet<DataSubjectRequest> DataSubjectRequests => Set<DataSubjectRequest>();
    public DbSet<RiskAssessment> RiskAssessments => Set<RiskAssessment>();
    public DbSet<RiskAssessmentStage> RiskAssessmentStages => Set<RiskAssessmentStage>();
    public DbSet<TrainingSession> TrainingSessions => Set<TrainingSession>();
    public DbSet<TrainingAttendance> TrainingAttendances => Set<TrainingAttendance>();
    public DbSet<TrainingTest> TrainingTests => Set<TrainingTest>();
    public DbSet<TrainingTestQuestion> TrainingTestQuestions => Set<TrainingTestQuestion>();
    public DbSet<TrainingTestResult> TrainingTestResults => Set<TrainingTestResult>();
    public DbSet<ConfidentialityPledge> ConfidentialityPledges => Set<ConfidentialityPledge>();
    public DbSet<StaffMember> StaffMembers => Set<StaffMember>();
    public DbSet<IncidentAction> IncidentActions => Set<IncidentAction>();
    public DbSet<AuditProgramme> AuditProgrammes => Set<AuditProgramme>();
    public DbSet<Audit> Audits => Set<Audit>();
    public DbSet<AuditTeamMember> AuditTeamMembers => Set<AuditTeamMember>();
    public DbSet<AuditTest> AuditTests => Set<AuditTest>();
    public DbSet<Finding> Findings => Set<Finding>();
    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();
    public DbSet<AuditRule> AuditRules => Set<AuditRule>();
    public DbSet<InspectionScore> InspectionScores => Set<InspectionScore>();
    public DbSet<FindingRecheck> FindingRechecks => Set<FindingRecheck>();
    public DbSet<AuditEvidence> AuditEvidence => Set<AuditEvidence>();
    public DbSet<StatementMeasure> StatementMeasures => Set<StatementMeasure>();
    public DbSet<StatementCountryNote> StatementCountryNotes => Set<StatementCountryNote>();
    public DbSet<StatementVersion> StatementVersions => Set<StatementVersion>();
    public DbSet<ReportSchedule> ReportSchedules => Set<ReportSchedule>();
    public DbSet<ReportDelivery> ReportDeliveries => Set<ReportDelivery>();
    public DbSet<ManagementReview> ManagementReviews => Set<ManagementReview>();
    public DbSet<ManagementReviewOutput> ManagementReviewOutputs => Set<ManagementReviewOutput>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<AppUser>().ToTable("users");
        builder.Entity<AppRole>().ToTable("roles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims");
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        SnakeCaseNames.Apply(builder);
    }
}

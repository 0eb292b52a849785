using System.Net;
using Controls.IntegrationTests.Infrastructure;
using Controls.Web.Domain;
using Controls.Web.Features.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Controls.IntegrationTests.Audits.AuditTests;

namespace Controls.IntegrationTests.Audits;

/// <summary>
/// A PrivacyMark holder's yearly internal audit of its PMS (JIS Q 15001): the built-in catalogs are
/// imported as on a fresh install, the compliance officer plans the audit against the PMS catalog,
/// the auditor works through the requirement areas with their clauses, records tests and a
/// finding with its corrective action, and the catalog pages show the clauses and the APPI mapping.
/// </summary>
public class PmsInternalAuditTests(PmsInternalAuditTests.App app) : IClassFixture<PmsInternalAuditTests.App>
{
    public const string PmsCatalog = "jisq15001-pms";

    /// <summary>The app with every built-in catalog imported, as <c>db migrate</c> and a SQLite start do.</summary>
    public sealed class App : ControlsApp
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await using var scope = Services.CreateAsyncScope();
            var result = await BuiltInCatalogs.ImportAsync(scope.ServiceProvider);
            Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        }
    }

    private Task<Guid> CatalogIdAsync() => app.QueryAsync(db => db.Catalogs.Where(c => c.Key == PmsCatalog).Select(c => c.Id).SingleAsync());

    [Fact]
    public async Task The_PMS_catalog_is_built_in_with_a_clause_on_every_item_and_its_APPI_mapping()
    {
        var catalog = await app.QueryAsync(db => db.Catalogs.Include(c => c.Versions).ThenInclude(v => v.Measures).ThenInclude(m => m.Items).SingleAsync(c => c.Key == PmsCatalog));

        Assert.True(catalog.IsBuiltIn);
        Assert.Equal(CatalogTarget.Departments, catalog.Target);
        var version = Assert.Single(catalog.Versions);
        Assert.Equal(22, version.Measures.Count);
        Assert.All(version.Measures.SelectMany(m => m.Items), item => Assert.NotEqual("", item.Clause));
        Assert.Equal(["SUP-1", "SUP-2", "SUP-3", "SUP-4"], version.Measures.Single(m => m.Code == "PMS-15").Appi);
        Assert.Equal("9.2", version.Measures.Single(m => m.Code == "PMS-20").Items.OrderBy(i => i.SortOrder).First().Clause);
    }

    [Fact]
    public async Task The_officer_plans_the_yearly_PMS_audit_and_the_auditor_records_tests_and_a_finding_against_its_clauses()
    {
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var sales = await app.CreateDepartmentAsync();
        var auditor = await app.CreateUserAsync([Roles.Auditor], (await app.CreateDepartmentAsync()).Id);
        var owner = await app.CreateUserAsync([Roles.DepartmentHead], sales.Id);
        var catalogId = await CatalogIdAsync();

        // The PMS catalog is one of the catalogs offered on the planning form, by its Japanese title.
        var create = await officer.GetPageAsync("/Audits/Create");
        var offered = create.QuerySelectorAll("select[name='Input.CatalogId'] option").Select(o => (o.GetAttribute("value"), o.TextContent)).ToList();
        Assert.Contains(offered, o => o.Item1 == catalogId.ToString() && o.TextContent.StartsWith("個人情報保護マネジメントシステム(JIS Q 15001)内部監査", StringComparison.Ordinal));

        // Every requirement area is in scope (no measure codes = the whole catalog).
        var form = AuditForm("PMS内部監査 " + Guid.NewGuid().ToString("N")[..6], auditor.Id, [sales.Id], measures: "");
        form["Input.CatalogId"] = catalogId.ToString();
        var auditId = await PlanAsync(officer, form);
        var audit = await app.QueryAsync(db => db.Audits.AsNoTracking().Include(a => a.CatalogVersion).ThenInclude(v => v.Catalog).SingleAsync(a => a.Id == auditId));
        Assert.Equal(PmsCatalog, audit.CatalogVersion.Catalog.Key);
        await MoveAsync(officer, auditId, AuditStatus.Scheduled, AuditStatus.InFieldwork);

        // The auditor sees each requirement area with its check items and the clause each checks.
        var work = await app.SignInAsync(auditor);
        var page = await work.GetPageAsync($"/Audits/Fieldwork/{auditId}");
        var sections = page.QuerySelectorAll("[data-testid=measure]").Select(s => s.GetAttribute("data-code")).ToList();
        Assert.Equal(Enumerable.Range(1, 22).Select(n => $"PMS-{n}"), sections);
        var internalAudit = page.QuerySelector("section[data-code='PMS-20'] [data-testid=check-items]")!;
        Assert.Equal(["9.2", "9.2", "9.2", "9.2"], internalAudit.QuerySelectorAll("li").Select(li => li.GetAttribute("data-clause")));
        Assert.Contains("箇条 9.2", internalAudit.TextContent, StringComparison.Ordinal);

        // A conforming test of the internal audit area, a nonconforming one of training.
        var conforming = await work.SubmitFormAsync($"/Audits/Fieldwork/{auditId}", new()
        {
            ["Test.Procedure"] = "監査計画(年間)と監査報告書を照合し、全部門が監査されていることを確認した",
            ["Test.Result"] = "Conforming",
        }, "section[data-code='PMS-20'] form[data-testid=test-form]");
        Assert.Equal(HttpStatusCode.Redirect, conforming.StatusCode);
        var nonconforming = await work.SubmitFormAsync($"/Audits/Fieldwork/{auditId}", new()
        {
            ["Test.Procedure"] = "受講記録と在籍者一覧を照合した",
            ["Test.Method"] = "Random",
            ["Test.PopulationSize"] = "48",
            ["Test.SampleSize"] = "10",
            ["Test.Seed"] = "15001",
            ["Test.Result"] = "Nonconforming",
        }, "section[data-code='PMS-6'] form[data-testid=test-form]");
        Assert.Equal(HttpStatusCode.Redirect, nonconforming.StatusCode);

        // The finding names the check item (and so the clause 7.3) and gets a corrective action.
        var finding = await work.SubmitFormAsync($"/Audits/Fieldwork/{auditId}", new()
        {
            ["Finding.Classification"] = nameof(FindingClass.MinorNonconformity),
            ["Finding.MeasureCode"] = "PMS-6",
            ["Finding.CheckItemCode"] = "PMS-6.3",
            ["Finding.DepartmentId"] = sales.Id.ToString(),
            ["Finding.Description"] = "派遣社員2名が年次の個人情報保護研修を受講していない",
            ["Finding.Evidence"] = "受講記録(2026年度)、在籍者一覧",
            ["Finding.RootCause"] = "派遣社員が研修の対象者一覧に入っていなかった",
            ["Finding.ActionText"] = "対象者一覧に派遣社員を加え、未受講者に受講させる",
            ["Finding.OwnerId"] = owner.Id.ToString(),
            ["Finding.DueOn"] = Date(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30)),
        }, "[data-testid=finding-form]");
        Assert.Equal(HttpStatusCode.Redirect, finding.StatusCode);

        var tests = await app.QueryAsync(db => db.AuditTests.Where(t => t.AuditId == auditId).ToDictionaryAsync(t => t.MeasureCode, t => t.Result));
        Assert.Equal(AuditTestResult.Conforming, tests["PMS-20"]);
        Assert.Equal(AuditTestResult.Nonconforming, tests["PMS-6"]);
        var recorded = await app.QueryAsync(db => db.Findings.AsNoTracking().SingleAsync(f => f.AuditId == auditId));
        Assert.Equal(("PMS-6", "PMS-6.3", FindingClass.MinorNonconformity), (recorded.MeasureCode, recorded.CheckItemCode, recorded.Classification));
        Assert.True(await app.QueryAsync(db => db.CorrectiveActions.AnyAsync(a => a.Id == recorded.CorrectiveActionId && a.OwnerId == owner.Id)));

        // The audit report lists the finding under the PMS measure.
        var report = await work.GetPageAsync($"/Audits/Report/{auditId}");
        Assert.Contains("派遣社員2名が年次の個人情報保護研修を受講していない", report.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("PMS-6.3", report.Body.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_measure_page_shows_each_items_clause_and_links_the_overlapping_APPI_measures()
    {
        var (reader, _) = await app.SignInAsNewAsync(Roles.Auditor);
        var ids = await app.QueryAsync(db => db.Measures
            .Where(m => (m.Code == "PMS-15" && m.CatalogVersion.Catalog.Key == PmsCatalog) || (m.Code == "SUP-2" && m.CatalogVersion.Catalog.Key == AppiMeasures.ContractorCatalog))
            .ToDictionaryAsync(m => m.Code, m => m.Id));

        var page = await reader.GetPageAsync($"/Catalog/Measure/{ids["PMS-15"]}");

        Assert.Equal(["箇条 A.3.4.3.4"], page.QuerySelectorAll("[data-testid=clause]").Select(c => c.TextContent.Trim()).Distinct());
        var mapping = page.QuerySelector("[data-testid=appi-mapping]")!;
        Assert.Equal(["SUP-1", "SUP-2", "SUP-3", "SUP-4"], mapping.QuerySelectorAll("a").Select(a => a.TextContent));
        Assert.Contains($"/Catalog/Measure/{ids["SUP-2"]}", mapping.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Contains("委託契約の締結", mapping.TextContent, StringComparison.Ordinal);
        // A PMS requirement is not part of the public statement and maps to no ISO control here.
        Assert.Null(page.QuerySelector("[data-testid=iso-mapping]"));
    }

    [Fact]
    public async Task The_mapping_page_lists_the_PMS_requirements_against_the_APPI_measures_both_ways()
    {
        var (reader, _) = await app.SignInAsNewAsync(Roles.Auditor);

        var page = await reader.GetPageAsync("/Catalog/Mapping");

        var toAppi = page.QuerySelector("[data-testid=measures-to-appi] tr[data-code='PMS-18']")!;
        Assert.Contains("ORG-4", toAppi.TextContent, StringComparison.Ordinal);
        var fromAppi = page.QuerySelector("[data-testid=appi-to-measures] tr[data-code='ORG-5']")!;
        Assert.Equal(["ORG-5", "PMS-19", "PMS-20", "PMS-21", "PMS-22"], fromAppi.QuerySelectorAll("a").Select(a => a.TextContent));
        // The ISO table holds only measures that map to an ISO control: no PMS rows.
        Assert.DoesNotContain("PMS-", page.QuerySelector("[data-testid=measures-to-iso]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_public_statement_draft_leaves_the_PMS_requirements_out()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var draft = scope.ServiceProvider.GetRequiredService<Controls.Web.Features.Statement.StatementDraft>();

        var measures = await draft.MeasuresAsync();

        Assert.Contains(measures, m => m.Code == "POL-1");
        Assert.DoesNotContain(measures, m => m.CatalogKey == PmsCatalog);
    }
}

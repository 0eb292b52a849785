using Controls.IntegrationTests.Infrastructure;
using Controls.Web.App;
using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Controls.IntegrationTests.Statement;

/// <summary>The statement of the demo organisation (own app: the demo seed needs an empty database).</summary>
public class StatementDemoTests(ControlsApp app) : IClassFixture<ControlsApp>
{
    [Fact]
    public async Task The_demo_statement_in_both_languages_holds_every_disclosed_measure_the_foreign_countries_and_no_withheld_one()
    {
        await CommandLine.RunAsync(app.Services, ["catalog", "import", "--built-in", RepositoryRoot.File("checklists", "appi-security-measures.yaml"), RepositoryRoot.File("checklists", "appi-contractor-supervision.yaml")],
            new StringReader(""), new StringWriter(), new StringWriter());
        Assert.Equal(0, await CommandLine.RunAsync(app.Services, ["seed", "demo", "--file", RepositoryRoot.File("seeds", "demo-organisation.yaml"), "--demo"], new StringReader(""), new StringWriter(), new StringWriter()));
        await using (var db = app.Db())
        {
            var department = await db.Departments.OrderBy(d => d.Code).FirstAsync(d => d.RetiredAt == null);
            db.LedgerEntries.Add(new LedgerEntry { Id = Guid.NewGuid(), DepartmentId = department.Id, Name = "海外拠点の従業員名簿", Countries = ["JP", "DE"], CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        var officer = await app.CreateUserAsync([Roles.ComplianceOfficer]);
        var client = await app.SignInAsync(officer);
        var withheld = await client.SubmitFormAsync("/Statement/Measure/appi-security-measures/TEC-3",
            new() { ["Input.Withheld"] = "true", ["Input.WithheldReason"] = "侵入対策の詳細は攻撃の手がかりになるため" });
        Assert.Equal("/Statement", withheld.RedirectPath());

        var measures = await app.QueryAsync(db => db.Measures.Select(m => new { m.Code, m.StatementJa, m.StatementEn }).ToListAsync());
        Assert.Contains(measures, m => m.Code == "SUP-1");
        var page = await client.GetPageAsync("/Statement");
        var ja = page.QuerySelectorAll("[data-testid=statement-ja] p").Select(p => p.TextContent).ToList();
        var en = page.QuerySelectorAll("[data-testid=statement-en] p").Select(p => p.TextContent).ToList();
        // The contractors' countries (US, SG) and the ledger's (DE), never Japan, in place of EXT-1's placeholder.
        foreach (var measure in measures.Where(m => m.Code != "TEC-3"))
        {
            Assert.Contains(measure.StatementJa.Trim().Replace("[国名]", "アメリカ合衆国、シンガポール及びドイツ"), ja);
            Assert.Contains(measure.StatementEn.Trim().Replace("[country]", "United States, Singapore and Germany"), en);
        }

        Assert.Contains(measures, m => m.Code == "EXT-1" && m.StatementJa.Contains("[国名]") && m.StatementEn.Contains("[country]"));

        var tec3 = measures.Single(m => m.Code == "TEC-3");
        Assert.DoesNotContain(tec3.StatementJa.Trim(), ja);
        Assert.DoesNotContain(tec3.StatementEn.Trim(), en);
        var headings = page.QuerySelectorAll("[data-testid=statement-ja] h3").Select(h => h.TextContent).ToList();
        Assert.Equal(["基本方針の策定", "個人データの取扱いに係る規律の整備", "組織的安全管理措置", "人的安全管理措置", "物理的安全管理措置", "技術的安全管理措置", "外的環境の把握", "委託先の監督"], headings);
    }
}

using System.Globalization;
using System.Net;
using System.Xml.Linq;
using Controls.IntegrationTests.Infrastructure;
using Controls.Web.Domain;
using Controls.Web.Features.Admin.AuditTrail;
using Microsoft.EntityFrameworkCore;

namespace Controls.IntegrationTests;

/// <summary>
/// The audit trail reads as the organisation speaks: entity and field names in the reader's language,
/// the record's name instead of its id, ids among the values as names, times in the organisation's zone.
/// Compliance officers read it as administrators do; nobody else opens it.
/// </summary>
public class AuditTrailReadingTests(ControlsApp app) : IClassFixture<ControlsApp>
{
    private static HashSet<string> Keys(string file) =>
        XDocument.Load(RepositoryRoot.File("src", "Controls.Web", "Resources", file)).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();

    [Fact]
    public async Task Every_audited_entity_and_field_has_a_japanese_and_an_english_name()
    {
        await using var db = app.Db();
        var missing = new List<string>();
        foreach (var file in new[] { "SharedResource.resx", "SharedResource.en.resx" })
        {
            var keys = Keys(file);
            foreach (var (entity, fields) in TrailReading.Audited(db.Model).Concat(TrailReading.AccessEntities.Select(e => (e, (IReadOnlyList<string>)[]))))
            {
                if (!keys.Contains("TrailEntity." + entity))
                {
                    missing.Add($"{file}: TrailEntity.{entity}");
                }

                missing.AddRange(fields.Where(f => !keys.Contains($"TrailField.{entity}.{f}") && !keys.Contains("TrailField." + f))
                    .Select(f => $"{file}: TrailField.{f} (or TrailField.{entity}.{f})"));
            }
        }

        Assert.True(missing.Count == 0, "No display name for:\n" + string.Join("\n", missing.Distinct()));
    }

    [Fact]
    public async Task A_compliance_officer_reads_a_persons_record_by_name_in_japanese_and_in_japan_time()
    {
        var department = await app.CreateDepartmentAsync();
        var person = await app.CreateUserAsync([], department.Id);
        await app.QueryAsync(db => db.Users.Where(u => u.Id == person.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, "記録 花子")));
        // A wrong password: the account's failed sign-ins count up (recorded), and the refusal itself.
        var wrong = await app.Anonymous().SubmitFormAsync("/Account/SignIn", new() { ["Input.Email"] = person.Email!, ["Input.Password"] = "not-the-password" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);

        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var page = await officer.GetPageAsync($"/Admin/AuditTrail?Key={person.Id}");
        var rows = page.QuerySelectorAll("[data-testid=audit-row]");
        var created = rows.Single(r => r.QuerySelector("[data-testid=audit-entity]")!.TextContent == "利用者" && r.TextContent.Contains("追加", StringComparison.Ordinal));
        Assert.Equal("記録 花子", created.QuerySelector("[data-testid=audit-record]")!.TextContent);
        Assert.DoesNotContain(person.Id.ToString(), created.QuerySelector("[data-testid=audit-record]")!.TextContent, StringComparison.OrdinalIgnoreCase);
        var changes = created.QuerySelector("[data-testid=audit-changes]")!.TextContent;
        Assert.Contains("部門:", changes, StringComparison.Ordinal);
        Assert.Contains(department.NameJa, changes, StringComparison.Ordinal);
        Assert.DoesNotContain(department.Id.ToString(), changes, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AppUser", page.Body!.TextContent, StringComparison.Ordinal);

        // Times in Japan: the entry's instant and the values in it.
        var entry = await app.QueryAsync(db => db.AuditTrail.Where(e => e.Entity == nameof(AppUser) && e.EntityKey == person.Id.ToString() && e.Action == AuditAction.Insert).SingleAsync());
        string Jst(DateTimeOffset instant) => instant.ToOffset(TimeSpan.FromHours(9)).ToString("yyyy/MM/dd HH:mm", CultureInfo.InvariantCulture);
        Assert.Equal(Jst(entry.At), created.QuerySelector("[data-testid=audit-at]")!.TextContent);
        Assert.Contains("作成日時: " + Jst(person.CreatedAt), changes, StringComparison.Ordinal);
        Assert.DoesNotContain("+00:00", changes, StringComparison.Ordinal);

        // The failed sign-in, in words, and the record of the person it changed.
        Assert.Contains(rows, r => r.QuerySelector("[data-testid=audit-changes]")!.TextContent.Contains("サインイン失敗回数: 0 → 1", StringComparison.Ordinal)
            && r.QuerySelector("[data-testid=audit-record]")!.TextContent == "記録 花子");
        var signIns = await officer.GetPageAsync($"/Admin/AuditTrail?Entity=SignIn&Key={person.Id}");
        var refused = Assert.Single(signIns.QuerySelectorAll("[data-testid=audit-row]"));
        Assert.Equal("サインイン", refused.QuerySelector("[data-testid=audit-entity]")!.TextContent);
        Assert.Contains("結果: 失敗(パスワードまたは確認コードの誤り)", refused.QuerySelector("[data-testid=audit-changes]")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("記録 花子 (", refused.QuerySelector("[data-testid=audit-actor]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_department_head_and_an_auditor_may_not_open_the_audit_trail()
    {
        var department = await app.CreateDepartmentAsync();
        var head = await app.SignInAsync(await app.CreateUserAsync([Roles.DepartmentHead], department.Id));
        Assert.Equal(HttpStatusCode.Forbidden, (await head.GetAsync("/Admin/AuditTrail")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await head.GetAsync("/Admin/AuditTrail?handler=Export&format=csv")).StatusCode);
        var (auditor, _) = await app.SignInAsNewAsync(Roles.Auditor);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync("/Admin/AuditTrail")).StatusCode);
        // The rest of administration stays the administrators'.
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/Admin/Users")).StatusCode);
    }
}

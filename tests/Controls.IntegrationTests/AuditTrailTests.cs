using System.Text.Json;
using Controls.IntegrationTests.Infrastructure;
using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Controls.IntegrationTests;

public class AuditTrailTests(ControlsApp app) : IClassFixture<ControlsApp>
{
    [Fact]
    public async Task Creating_and_renaming_a_department_records_who_when_and_what_changed()
    {
        var (admin, adminUser) = await app.SignInAsNewAsync(Roles.Administrator);
        var code = "AT" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        await admin.SubmitFormAsync("/Admin/Departments/Create", new() { ["Input.Code"] = code, ["Input.NameJa"] = "監査証跡部", ["Input.NameEn"] = "Trail Dept" });
        var department = await app.QueryAsync(db => db.Departments.SingleAsync(d => d.Code == code));
        await admin.SubmitFormAsync($"/Admin/Departments/Edit/{department.Id}", new() { ["Input.NameEn"] = "Renamed Dept" });

        var entries = await app.QueryAsync(db => db.AuditTrail.Where(e => e.Entity == "Department" && e.EntityKey == department.Id.ToString()).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal([AuditAction.Insert, AuditAction.Update], entries.Select(e => e.Action));
        Assert.All(entries, e =>
        {
            Assert.Equal(adminUser.Id, e.UserId);
            Assert.Equal(adminUser.Email, e.Actor);
            Assert.InRange(e.At, before, DateTimeOffset.UtcNow.AddSeconds(1));
            Assert.Equal(TimeSpan.Zero, e.At.Offset);
        });

        using var update = JsonDocument.Parse(entries[1].Changes);
        var changed = update.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["NameEn"], changed);
        Assert.Equal("Trail Dept", update.RootElement.GetProperty("NameEn").GetProperty("old").GetString());
        Assert.Equal("Renamed Dept", update.RootElement.GetProperty("NameEn").GetProperty("new").GetString());
    }

    [Fact]
    public async Task Password_hashes_are_never_written_to_the_trail()
    {
        var user = await app.CreateUserAsync([Roles.Auditor], (await app.CreateDepartmentAsync()).Id);
        var stored = await app.ReloadUserAsync(user.Id);
        var entries = await app.QueryAsync(db => db.AuditTrail.Where(e => e.EntityKey == user.Id.ToString()).ToListAsync());
        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.DoesNotContain(stored.PasswordHash!, e.Changes, StringComparison.Ordinal));
        Assert.Contains(entries, e => JsonDocument.Parse(e.Changes).RootElement.TryGetProperty("PasswordHash", out var hash)
            && hash.GetProperty("changed").GetBoolean());
    }

    [Fact]
    public async Task Administrators_browse_and_filter_the_trail_in_the_organisations_time_zone()
    {
        var (admin, adminUser) = await app.SignInAsNewAsync(Roles.Administrator);
        var department = await app.CreateDepartmentAsync();
        var page = await admin.GetPageAsync($"/Admin/AuditTrail?Entity=Department&Key={department.Id}");
        var rows = page.QuerySelectorAll("[data-testid=audit-table] tbody tr");
        var row = Assert.Single(rows);
        Assert.Contains("追加", row.TextContent);
        Assert.Contains("テスト部", row.TextContent);

        // The time is shown in Asia/Tokyo.
        var at = await app.QueryAsync(db => db.AuditTrail.Where(e => e.EntityKey == department.Id.ToString()).Select(e => e.At).SingleAsync());
        var tokyo = TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));
        Assert.Contains(tokyo.ToString("yyyy/MM/dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), row.TextContent);

        var none = await admin.GetPageAsync($"/Admin/AuditTrail?Entity=Department&Key={department.Id}&Actor={Uri.EscapeDataString(adminUser.Email!)}");
        Assert.Empty(none.QuerySelectorAll("[data-testid=audit-table] tbody tr"));   // the test fixture, not this admin, created it
    }
}

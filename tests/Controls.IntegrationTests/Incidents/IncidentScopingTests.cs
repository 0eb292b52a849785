using Controls.IntegrationTests.Infrastructure;
using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Controls.IntegrationTests.Incidents;

/// <summary>A department head records incidents and ledger entries with their own department's data sets and contractors only.</summary>
public class IncidentScopingTests(ControlsApp app) : IClassFixture<ControlsApp>
{
    private static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..8]}";

    private async Task<(LedgerEntry Entry, Contractor Contractor)> RegistersOfAsync(Guid departmentId)
    {
        var entry = new LedgerEntry { Id = Guid.NewGuid(), DepartmentId = departmentId, Name = Unique("顧客名簿"), Countries = ["JP"], People = PeopleRange.UpTo5000, CreatedAt = DateTimeOffset.UtcNow };
        var contractor = new Contractor { Id = Guid.NewGuid(), Name = Unique("委託先"), OwningDepartmentId = departmentId, CreatedAt = DateTimeOffset.UtcNow };
        await app.QueryAsync(async db =>
        {
            db.LedgerEntries.Add(entry);
            db.Contractors.Add(contractor);
            return await db.SaveChangesAsync();
        });
        return (entry, contractor);
    }

    [Fact]
    public async Task A_department_head_cannot_pick_or_post_another_departments_ledger_entry_or_contractor()
    {
        var own = await app.CreateDepartmentAsync();
        var other = await app.CreateDepartmentAsync();
        var head = await app.SignInAsync(await app.CreateUserAsync([Roles.DepartmentHead], own.Id));
        var (ownEntry, ownContractor) = await RegistersOfAsync(own.Id);
        var (theirEntry, theirContractor) = await RegistersOfAsync(other.Id);

        var form = await head.GetPageAsync("/Incidents/Create");
        var options = form.QuerySelectorAll("option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains(ownEntry.Id.ToString(), options);
        Assert.Contains(ownContractor.Id.ToString(), options);
        Assert.DoesNotContain(theirEntry.Id.ToString(), options);
        Assert.DoesNotContain(theirContractor.Id.ToString(), options);

        var title = Unique("他部門の紐づけ");
        var response = await head.SubmitFormAsync(form, new()
        {
            ["Input.Title"] = title,
            ["Input.Kind"] = "Leakage",
            ["Input.DiscoveredAt"] = "2026-03-30T18:00",
            ["Input.AwareAt"] = "2026-03-31T23:30",
            ["Input.DepartmentId"] = own.Id.ToString(),
            ["Input.PeopleCount"] = "3",
            ["Input.ContractorId"] = theirContractor.Id.ToString(),
            ["Input.LedgerEntryIds"] = new[] { ownEntry.Id.ToString(), theirEntry.Id.ToString() },
        });
        var errors = await HttpForms.ErrorsAsync(response);
        Assert.Contains("台帳のデータが見つかりません。一覧から選択してください。", errors);
        Assert.Contains("委託先が見つかりません。一覧から選択してください。", errors);
        Assert.False(await app.QueryAsync(db => db.Incidents.AnyAsync(i => i.Title == title)));

        // The ledger form offers and accepts only the department's own contractors too.
        var ledger = await head.GetPageAsync("/Ledger/Create");
        var contractors = ledger.QuerySelectorAll("option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains(ownContractor.Id.ToString(), contractors);
        Assert.DoesNotContain(theirContractor.Id.ToString(), contractors);

        // A compliance officer sees and links every department's.
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var all = (await officer.GetPageAsync("/Incidents/Create")).QuerySelectorAll("option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains(theirEntry.Id.ToString(), all);
        Assert.Contains(theirContractor.Id.ToString(), all);
    }
}

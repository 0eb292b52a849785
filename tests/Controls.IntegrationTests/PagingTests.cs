using System.Net;
using Controls.IntegrationTests.Infrastructure;
using Controls.Web.Domain;

namespace Controls.IntegrationTests;

/// <summary>Long lists come in pages, and any page number — huge, negative, not a number — gives a page, never an error.</summary>
public class PagingTests(ControlsApp app) : IClassFixture<ControlsApp>
{
    public static TheoryData<string> PagedLists =>
    [
        "/Incidents", "/Ledger", "/Contractors", "/Contractors?Status=all&Search=x", "/Inspections", "/Actions",
        "/Audits/Findings", "/Reports/Answers", "/Notifications", "/Admin/AuditTrail",
    ];

    [Theory]
    [MemberData(nameof(PagedLists))]
    public async Task Any_page_number_gives_a_page(string list)
    {
        var (client, _) = await app.SignInAsNewAsync(Roles.Administrator, Roles.ComplianceOfficer);
        foreach (var p in new[] { "100000", "-1", "0", "abc", "99999999999", "1e9", "" })
        {
            var separator = list.Contains('?', StringComparison.Ordinal) ? '&' : '?';
            var response = await client.GetAsync($"{list}{separator}p={Uri.EscapeDataString(p)}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{list} p={p}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task The_contractor_register_shows_a_hundred_at_a_time_and_a_page_past_the_end_links_back()
    {
        var department = await app.CreateDepartmentAsync();
        var prefix = "頁" + Guid.NewGuid().ToString("N")[..6];
        await using (var db = app.Db())
        {
            for (var i = 0; i < 101; i++)
            {
                db.Contractors.Add(new Contractor
                {
                    Id = Guid.NewGuid(),
                    Name = $"{prefix} 委託先 {i:D3}",
                    Services = "配送業務",
                    EntrustedData = "顧客の氏名",
                    OwningDepartmentId = department.Id,
                    Countries = ["JP"],
                    CreatedAt = DateTimeOffset.UtcNow,
                });
            }

            await db.SaveChangesAsync();
        }

        var (client, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var search = "/Contractors?Search=" + Uri.EscapeDataString(prefix);
        var first = await client.GetPageAsync(search);
        Assert.Equal(100, first.QuerySelectorAll("[data-testid=contractors-table] tbody tr").Length);
        var next = first.QuerySelector("[data-testid=pager-next]")!.GetAttribute("href")!;
        Assert.Contains("p=2", next);
        Assert.Contains("Search=", next);   // the filters are kept

        var second = await client.GetPageAsync(next);
        Assert.Single(second.QuerySelectorAll("[data-testid=contractors-table] tbody tr"));
        Assert.Contains($"{prefix} 委託先 100", second.QuerySelector("[data-testid=contractors-table]")!.TextContent);
        Assert.Null(second.QuerySelector("[data-testid=pager-next]"));

        var beyond = await client.GetPageAsync(search + "&p=100000");
        Assert.Empty(beyond.QuerySelectorAll("[data-testid=contractors-table] tbody tr"));
        Assert.NotNull(beyond.QuerySelector("[data-testid=pager-first]"));

        // The export still has every row, not one page.
        var csv = await (await client.GetAsync(search + "&handler=Export&format=csv")).Content.ReadAsStringAsync();
        Assert.Contains($"{prefix} 委託先 000", csv);
        Assert.Contains($"{prefix} 委託先 100", csv);
    }
}

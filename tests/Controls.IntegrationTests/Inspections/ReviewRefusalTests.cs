using System.Net;
using Controls.IntegrationTests.Infrastructure;
using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Controls.IntegrationTests.Inspections;

/// <summary>A review decision that is refused shows the review again with the reason; the inspection stays as it was.</summary>
public class ReviewRefusalTests(InspectionApp app) : IClassFixture<InspectionApp>
{
    [Theory]
    [InlineData("Version", "abc")]
    [InlineData("Version", "")]
    [InlineData("Comment", "too long")]
    public async Task A_refused_decision_shows_the_review_again_with_its_message_and_changes_nothing(string field, string value)
    {
        var (department, _, _) = await app.DepartmentWithHeadAsync();
        var inspection = await app.CreateInspectionAsync(department.Id, "POL-1");
        await using (var db = app.Db())
        {
            await db.Inspections.Where(i => i.Id == inspection.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, InspectionStatus.Submitted));
        }

        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var url = $"/Inspections/Review/Decide/{inspection.Id}";
        var review = await officer.GetPageAsync(url);
        var posted = value == "too long" ? new string('x', 4001) : value;
        foreach (var handler in new[] { "Accept", "Return" })
        {
            var response = await officer.SubmitFormAsync(review, new() { [field] = posted }, "[data-testid=review-form]", $"{url}?handler={handler}");
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{handler}: {(int)response.StatusCode}");
            Assert.DoesNotContain("Exception", body);
            var page = await HttpForms.ParseAsync(response);
            Assert.NotEmpty(page.QuerySelectorAll("[data-testid=review-errors] li, [data-testid=form-errors] li"));
            Assert.NotNull(page.QuerySelector("[data-testid=review-form]"));
            Assert.Equal(InspectionStatus.Submitted, (await app.ReloadAsync(inspection.Id)).Status);
        }
    }
}

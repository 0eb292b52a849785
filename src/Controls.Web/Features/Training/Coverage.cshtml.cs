using Controls.Web.Domain;
using Controls.Web.Features.Inspections;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Controls.Web.Features.Training;

/// <summary>HUM-1 coverage per department (trained within 12 months, pledges on file, who is overdue). A department head sees their own department only.</summary>
public class CoverageModel(TrainingCoverage coverage, OrganisationClock clock) : PageModel
{
    public DateOnly Since { get; private set; }
    public List<TrainingCoverage.Department> Departments { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var today = DateOnly.FromDateTime(clock.Now.DateTime);
        Since = TrainingCoverage.Since(today);
        var seesAll = User.IsInRole(Roles.ComplianceOfficer) || User.IsInRole(Roles.Administrator);
        Guid? only = seesAll ? null : InspectionAccess.DepartmentOf(User) ?? Guid.Empty;
        Departments = await coverage.ForAsync(only, today, Languages.Current);
    }
}

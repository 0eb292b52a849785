using Controls.Web.Data;
using Controls.Web.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Schedules;

/// <summary>
/// Change a schedule's name, measures, targets, due-date rule and end date; changes apply from the
/// next period (inspections already generated keep what they were given). Catalog, recurrence and
/// start are fixed: end the schedule and create another to change them. Compliance officers and administrators.
/// </summary>
public class EditModel(AppDbContext db, ScheduleForm form, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public ScheduleInput Input { get; set; } = new();

    [BindProperty]
    public uint Version { get; set; }

    public ScheduleForm.Choices Choices { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var s = await db.InspectionSchedules.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id && s.Status != ScheduleStatus.Ended);
        if (s is null)
        {
            return NotFound();
        }

        Input = new ScheduleInput
        {
            Name = s.Name,
            CatalogId = s.CatalogId,
            MeasureCodes = string.Join(", ", s.MeasureCodes),
            Simplified = s.Simplified,
            Targets = s.Targets,
            DivisionId = s.DivisionId,
            DepartmentIds = s.DepartmentIds,
            Recurrence = s.Recurrence,
            CronExpression = s.CronExpression,
            DueDays = s.DueDays,
            StartsOn = s.StartsOn,
            EndsOn = s.EndsOn,
            TimeZone = s.TimeZone,
        };
        Version = s.Version;
        Choices = await form.ChoicesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var schedule = await db.InspectionSchedules.SingleOrDefaultAsync(s => s.Id == id && s.Status != ScheduleStatus.Ended);
        if (schedule is null)
        {
            return NotFound();
        }

        // The fixed fields come from the stored schedule, not the form.
        Input.CatalogId = schedule.CatalogId;
        Input.Recurrence = schedule.Recurrence;
        Input.CronExpression = schedule.CronExpression;
        Input.StartsOn = schedule.StartsOn;
        Input.TimeZone = schedule.TimeZone;
        ModelState.Remove("Input.StartsOn");
        ModelState.Remove("Input.TimeZone");
        if (ModelState.IsValid)
        {
            await form.CheckAsync(Input, ModelState);
        }

        if (!ModelState.IsValid)
        {
            Choices = await form.ChoicesAsync();
            return Page();
        }

        db.Entry(schedule).Property(s => s.Version).OriginalValue = Version;
        schedule.Name = Input.Name.Trim();
        schedule.MeasureCodes = Input.ParsedMeasureCodes();
        schedule.Simplified = Input.Simplified;
        schedule.Targets = Input.Targets;
        schedule.DivisionId = Input.Targets == ScheduleTargets.Division ? Input.DivisionId : null;
        schedule.DepartmentIds = Input.Targets == ScheduleTargets.Departments ? Input.DepartmentIds.Distinct().ToList() : [];
        schedule.DueDays = Input.DueDays;
        schedule.EndsOn = Input.EndsOn;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", l["Common.ConcurrencyConflict"]);
            Choices = await form.ChoicesAsync();
            return Page();
        }

        TempData["Message"] = l["Common.Saved"].Value;
        return RedirectToPage("Details", new { id });
    }
}

using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Schedules;

/// <summary>Create an inspection schedule; its current period is generated at once. Compliance officers and administrators.</summary>
public class CreateModel(AppDbContext db, ScheduleForm form, GenerateDueInspections generate, OrganisationClock clock, TimeProvider time, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public ScheduleInput Input { get; set; } = new();

    public ScheduleForm.Choices Choices { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        Input.TimeZone = clock.Settings.TimeZone;
        Input.StartsOn = DateOnly.FromDateTime(clock.Now.DateTime);
        Choices = await form.ChoicesAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (ModelState.IsValid)
        {
            await form.CheckAsync(Input, ModelState);
        }

        if (!ModelState.IsValid)
        {
            Choices = await form.ChoicesAsync();
            return Page();
        }

        var schedule = new InspectionSchedule
        {
            Id = Guid.NewGuid(),
            Name = Input.Name.Trim(),
            CatalogId = Input.CatalogId,
            MeasureCodes = Input.ParsedMeasureCodes(),
            Simplified = Input.Simplified,
            Targets = Input.Targets,
            DivisionId = Input.Targets == ScheduleTargets.Division ? Input.DivisionId : null,
            DepartmentIds = Input.Targets == ScheduleTargets.Departments ? Input.DepartmentIds.Distinct().ToList() : [],
            Recurrence = Input.Recurrence,
            CronExpression = Input.Recurrence == ScheduleRecurrence.Cron ? Input.CronExpression!.Trim() : null,
            DueDays = Input.DueDays,
            StartsOn = Input.StartsOn!.Value,
            EndsOn = Input.EndsOn,
            TimeZone = Input.TimeZone.Trim(),
            Status = ScheduleStatus.Active,
            CreatedAt = time.GetUtcNow(),
        };
        db.InspectionSchedules.Add(schedule);
        await db.SaveChangesAsync();

        var generated = await generate.GenerateAsync(schedule.Id, time.GetUtcNow(), clock.Settings.FiscalYearStartMonth);
        TempData["Message"] = l["Schedules.Created", generated.Created].Value;
        return RedirectToPage("Details", new { id = schedule.Id });
    }
}

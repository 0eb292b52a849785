using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Catalog;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Schedules;

/// <summary>Choices and checks for the schedule form (shared by create and edit).</summary>
public sealed class ScheduleForm(AppDbContext db, IStringLocalizer<SharedResource> l)
{
    public sealed record Choices(List<SelectListItem> Catalogs, List<SelectListItem> Divisions, List<SelectListItem> Departments);

    public async Task<Choices> ChoicesAsync()
    {
        var language = Languages.Current;
        var catalogs = await db.Catalogs.OrderByDescending(c => c.IsBuiltIn).ThenBy(c => c.Key)
            .Select(c => new { c.Id, c.Key, Title = c.Versions.OrderByDescending(v => v.Number).Select(v => language == "en" ? v.TitleEn : v.TitleJa).First() })
            .ToListAsync();
        var departments = await db.Departments.Where(d => d.RetiredAt == null).OrderBy(d => d.Code)
            .Select(d => new { d.Id, d.Code, Name = language == "en" ? d.NameEn : d.NameJa, HasChildren = db.Departments.Any(c => c.ParentId == d.Id && c.RetiredAt == null) })
            .ToListAsync();
        return new Choices(
            catalogs.Select(c => new SelectListItem($"{c.Title} ({c.Key})", c.Id.ToString())).ToList(),
            departments.Where(d => d.HasChildren).Select(d => new SelectListItem($"{d.Code} {d.Name}", d.Id.ToString())).ToList(),
            departments.Select(d => new SelectListItem($"{d.Code} {d.Name}", d.Id.ToString())).ToList());
    }

    /// <summary>Adds a message per problem; the catalog decides who answers (departments or contractors).</summary>
    public async Task CheckAsync(ScheduleInput input, ModelStateDictionary state)
    {
        var catalog = await db.Catalogs.Where(c => c.Id == input.CatalogId).Select(c => new { c.Target, c.Id }).SingleOrDefaultAsync();
        if (catalog is null)
        {
            state.AddModelError("Input.CatalogId", l["Schedules.UnknownCatalog"]);
            return;
        }

        if ((catalog.Target == CatalogTarget.Contractors) != (input.Targets == ScheduleTargets.Contractors))
        {
            state.AddModelError("Input.Targets", l[catalog.Target == CatalogTarget.Contractors ? "Schedules.ContractorCatalog" : "Schedules.DepartmentCatalog"]);
        }

        var codes = input.ParsedMeasureCodes();
        if (codes.Count > 0)
        {
            var known = await db.Measures.Where(m => m.CatalogVersion.CatalogId == catalog.Id
                    && m.CatalogVersion.Number == db.CatalogVersions.Where(v => v.CatalogId == catalog.Id).Max(v => v.Number))
                .Select(m => m.Code).ToListAsync();
            var unknown = codes.Except(known).ToList();
            if (unknown.Count > 0)
            {
                state.AddModelError("Input.MeasureCodes", l["Schedules.UnknownMeasures", string.Join(", ", unknown)]);
            }
        }

        if (input.Targets == ScheduleTargets.Division && (input.DivisionId is not { } division || !await db.Departments.AnyAsync(d => d.Id == division && d.RetiredAt == null)))
        {
            state.AddModelError("Input.DivisionId", l["Schedules.DivisionRequired"]);
        }

        if (input.Targets == ScheduleTargets.Departments && (input.DepartmentIds.Count == 0
            || await db.Departments.CountAsync(d => input.DepartmentIds.Contains(d.Id) && d.RetiredAt == null) != input.DepartmentIds.Distinct().Count()))
        {
            state.AddModelError("Input.DepartmentIds", l["Schedules.DepartmentsRequired"]);
        }

        if (input.Recurrence == ScheduleRecurrence.Cron && !Periods.IsValidCron(input.CronExpression))
        {
            state.AddModelError("Input.CronExpression", l["Schedules.BadCron"]);
        }

        if (input.StartsOn is { } starts && input.EndsOn is { } ends && ends < starts)
        {
            state.AddModelError("Input.EndsOn", l["Schedules.EndBeforeStart"]);
        }

        if (!OrganisationClock.IsKnownZone(input.TimeZone))
        {
            state.AddModelError("Input.TimeZone", l["Settings.UnknownTimeZone"]);
        }
    }
}

using System.ComponentModel.DataAnnotations;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Time;
using Controls.Web.Jobs;
using Hangfire;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;

using static Controls.Web.Infrastructure.Localization.ValidationText;

namespace Controls.Web.Features.Admin.Settings;

/// <summary>
/// Organisation settings: names, time zone, fiscal-year start, which roles must use two-factor
/// authentication, whether the incident register is kept to compliance officers, and the
/// response period of data subjects' requests (the default of their due date). Administrators only.
/// </summary>
public class IndexModel(AppDbContext db, IMemoryCache cache, IRecurringJobManager jobs, IStringLocalizer<SharedResource> l) : PageModel
{
    public static readonly string[] CommonZones =
        ["Asia/Tokyo", "UTC", "Asia/Seoul", "Asia/Shanghai", "Asia/Singapore", "Asia/Bangkok", "Europe/London", "America/New_York", "America/Los_Angeles"];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty]
    public uint Version { get; set; }

    public sealed class InputModel : IValidatableObject
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Field.OrganisationNameJa")]
        public string NameJa { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Field.OrganisationNameEn")]
        public string NameEn { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(64, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Field.TimeZone")]
        public string TimeZone { get; set; } = "Asia/Tokyo";

        [Range(1, 12, ErrorMessage = "Validation.Range")]
        [Display(Name = "Field.FiscalYearStartMonth")]
        public int FiscalYearStartMonth { get; set; } = 4;

        public List<string> TwoFactorRequiredRoles { get; set; } = [];

        [Display(Name = "Field.IncidentsComplianceOfficersOnly")]
        public bool IncidentsComplianceOfficersOnly { get; set; }

        [Range(1, 90, ErrorMessage = "Validation.Range")]
        [Display(Name = "Field.RequestResponseDays")]
        public int RequestResponseDays { get; set; } = OrganisationSettings.DefaultRequestResponseDays;

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            if (!OrganisationClock.IsKnownZone(TimeZone))
            {
                yield return new ValidationResult(Localize(validationContext, "Settings.UnknownTimeZone"), [nameof(TimeZone)]);
            }

            if (TwoFactorRequiredRoles.Any(r => !Roles.All.Contains(r)))
            {
                yield return new ValidationResult(Localize(validationContext, "Validation.UnknownRole"), [nameof(TwoFactorRequiredRoles)]);
            }
        }
    }

    public async Task OnGetAsync()
    {
        var settings = await db.OrganisationSettings.AsNoTracking().SingleAsync(s => s.Id == OrganisationSettings.SingletonId);
        Input = new InputModel
        {
            NameJa = settings.NameJa,
            NameEn = settings.NameEn,
            TimeZone = settings.TimeZone,
            FiscalYearStartMonth = settings.FiscalYearStartMonth,
            TwoFactorRequiredRoles = settings.TwoFactorRequiredRoles,
            IncidentsComplianceOfficersOnly = settings.IncidentsComplianceOfficersOnly,
            RequestResponseDays = settings.RequestResponseDays,
        };
        Version = settings.Version;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var settings = await db.OrganisationSettings.SingleAsync(s => s.Id == OrganisationSettings.SingletonId);
        var zoneChanged = settings.TimeZone != Input.TimeZone.Trim();
        db.Entry(settings).Property(s => s.Version).OriginalValue = Version;
        settings.NameJa = Input.NameJa.Trim();
        settings.NameEn = Input.NameEn.Trim();
        settings.TimeZone = Input.TimeZone.Trim();
        settings.FiscalYearStartMonth = Input.FiscalYearStartMonth;
        settings.TwoFactorRequiredRoles = Input.TwoFactorRequiredRoles.Distinct().Order(StringComparer.Ordinal).ToList();
        settings.IncidentsComplianceOfficersOnly = Input.IncidentsComplianceOfficersOnly;
        settings.RequestResponseDays = Input.RequestResponseDays;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", l["Common.ConcurrencyConflict"]);
            Version = (await db.OrganisationSettings.AsNoTracking().SingleAsync(s => s.Id == OrganisationSettings.SingletonId)).Version;
            return Page();
        }

        OrganisationClock.Forget(cache);
        if (zoneChanged)
        {
            // The recurring jobs run on the organisation's wall clock: from now on in the new zone.
            JobSchedule.Register(jobs, OrganisationClock.FindZone(settings.TimeZone));
        }

        TempData["Message"] = l["Common.Saved"].Value;
        return RedirectToPage();
    }
}

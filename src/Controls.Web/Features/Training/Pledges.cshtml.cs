using System.ComponentModel.DataAnnotations;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Training;

/// <summary>Confidentiality pledges (誓約書) on file, newest first; a compliance officer records one per user and date.</summary>
public class PledgesModel(AppDbContext db, TimeProvider time, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public PledgeInput Input { get; set; } = new();

    public List<Row> Rows { get; private set; } = [];
    public List<SelectListItem> Users { get; private set; } = [];

    public sealed record Row(string Name, string Email, string Department, DateOnly SignedOn);

    public sealed class PledgeInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Training.Person")]
        public Guid? UserId { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Training.SignedOn")]
        public DateOnly? SignedOn { get; set; }
    }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (Input.UserId is { } userId && !await db.Users.AnyAsync(u => u.Id == userId && u.IsActive))
        {
            ModelState.AddModelError("Input.UserId", l["Training.UnknownUser"]);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        db.ConfidentialityPledges.Add(new ConfidentialityPledge
        {
            Id = Guid.NewGuid(),
            UserId = Input.UserId!.Value,
            SignedOn = Input.SignedOn!.Value,
            RecordedAt = time.GetUtcNow(),
        });
        await db.SaveChangesAsync();
        TempData["Message"] = l["Common.Saved"].Value;
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        var language = Languages.Current;
        Rows = await db.ConfidentialityPledges.AsNoTracking().OrderByDescending(p => p.SignedOn).ThenBy(p => p.User.DisplayName)
            .Select(p => new Row(p.User.DisplayName, p.User.Email ?? "",
                p.User.Department == null ? "" : (language == "en" ? p.User.Department.NameEn : p.User.Department.NameJa), p.SignedOn))
            .ToListAsync();
        Users = (await db.Users.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync())
            .Select(u => new SelectListItem($"{u.DisplayName} ({u.Email})", u.Id.ToString())).ToList();
    }
}

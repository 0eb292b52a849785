using System.ComponentModel.DataAnnotations;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Training;

/// <summary>Training sessions (研修), newest first, with how many completed each; compliance officers and administrators add them here.</summary>
public class IndexModel(AppDbContext db, TimeProvider time, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public SessionInput Input { get; set; } = new();

    public List<Row> Rows { get; private set; } = [];

    public sealed record Row(Guid Id, string Title, DateOnly HeldOn, bool Mandatory, string Material, int Completed);

    public sealed class SessionInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Training.Field.Title")]
        public string Title { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Training.Field.HeldOn")]
        public DateOnly? HeldOn { get; set; }

        [Display(Name = "Training.Field.Mandatory")]
        public bool Mandatory { get; set; }

        [StringLength(2000, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Training.Field.Material")]
        public string? Material { get; set; }
    }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        var session = new TrainingSession
        {
            Id = Guid.NewGuid(),
            Title = Input.Title.Trim(),
            HeldOn = Input.HeldOn!.Value,
            Mandatory = Input.Mandatory,
            Material = Input.Material?.Trim() ?? "",
            CreatedAt = time.GetUtcNow(),
        };
        db.TrainingSessions.Add(session);
        await db.SaveChangesAsync();
        TempData["Message"] = l["Training.Created", session.Title].Value;
        return RedirectToPage("Session", new { id = session.Id });
    }

    private async Task LoadAsync() =>
        Rows = await db.TrainingSessions.AsNoTracking().OrderByDescending(s => s.HeldOn).ThenBy(s => s.Title)
            .Select(s => new Row(s.Id, s.Title, s.HeldOn, s.Mandatory, s.Material, db.TrainingAttendances.Count(a => a.SessionId == s.Id && a.Completed)))
            .ToListAsync();
}

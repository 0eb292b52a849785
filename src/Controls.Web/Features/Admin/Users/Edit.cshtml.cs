using System.ComponentModel.DataAnnotations;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Organisation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Admin.Users;

/// <summary>
/// Edit a user's name, e-mail, department, roles and language; deactivate (never delete),
/// reactivate, unlock, set a new password. Administrators only. Concurrent edits are detected
/// through the user's concurrency stamp.
/// </summary>
public class EditModel(AppDbContext db, UserManager<AppUser> users, TimeProvider time, Audits.AuditorIndependence independence, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public UserInput Input { get; set; } = new();

    [BindProperty]
    public string ConcurrencyStamp { get; set; } = "";

    [BindProperty]
    [StringLength(256, ErrorMessage = "Validation.MaxLength")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.NewPassword")]
    public string? NewPassword { get; set; }

    public bool IsActive { get; private set; }
    public bool LockedOut { get; private set; }
    public bool TwoFactor { get; private set; }
    public List<SelectListItem> Departments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return NotFound();
        }

        Input = new UserInput
        {
            DisplayName = user.DisplayName,
            Email = user.Email ?? "",
            DepartmentId = user.DepartmentId,
            Roles = [.. await users.GetRolesAsync(user)],
            Language = user.PreferredLanguage,
        };
        ConcurrencyStamp = user.ConcurrencyStamp ?? "";
        await Load(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        ModelState.Remove(nameof(NewPassword));
        await using var transaction = await db.Database.BeginTransactionAsync();
        var user = await LockAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        if (!IsCurrent(user))
        {
            return await Conflict(user);
        }

        if (Input.DepartmentId is { } departmentId && departmentId != user.DepartmentId
            && !await db.Departments.AnyAsync(d => d.Id == departmentId && d.RetiredAt == null))
        {
            ModelState.AddModelError("Input.DepartmentId", l["Validation.UnknownDepartment"]);
        }

        // An auditor on an open audit may not move into a department that audit covers (independence).
        if (Input.DepartmentId != user.DepartmentId && await independence.CheckDepartmentChangeAsync(user.Id, Input.DepartmentId) is { } refusal)
        {
            ModelState.AddModelError("Input.DepartmentId", refusal);
        }

        var currentRoles = await users.GetRolesAsync(user);
        var losesAdministrator = currentRoles.Contains(Roles.Administrator) && !Input.Roles.Contains(Roles.Administrator);
        if (losesAdministrator && user.Id == CurrentUserId)
        {
            ModelState.AddModelError("", l["Users.CannotDemoteSelf"]);
        }
        else if (losesAdministrator && user.IsActive && await OtherActiveAdministrators(user.Id) == 0)
        {
            ModelState.AddModelError("", l["Users.LastAdministrator"]);
        }

        if (!ModelState.IsValid)
        {
            await Load(user);
            return Page();
        }

        user.DisplayName = Input.DisplayName.Trim();
        user.DepartmentId = Input.DepartmentId;
        user.PreferredLanguage = Input.Language;
        var email = Input.Email.Trim();
        var result = IdentityResult.Success;
        if (!string.Equals(user.Email, email, StringComparison.Ordinal))
        {
            result = await users.SetEmailAsync(user, email);
            if (result.Succeeded)
            {
                result = await users.SetUserNameAsync(user, email);
            }
        }
        else
        {
            result = await users.UpdateAsync(user);
        }

        var wanted = Input.Roles.Distinct().ToList();
        if (result.Succeeded && currentRoles.Except(wanted).ToList() is { Count: > 0 } removed)
        {
            result = await users.RemoveFromRolesAsync(user, removed);
        }

        if (result.Succeeded && wanted.Except(currentRoles).ToList() is { Count: > 0 } added)
        {
            result = await users.AddToRolesAsync(user, added);
        }

        if (!result.Succeeded)
        {
            return await Failed(user, result);
        }

        // Role or department changes take effect at once in the user's sessions.
        await users.UpdateSecurityStampAsync(user);
        await transaction.CommitAsync();
        TempData["Message"] = l["Common.Saved"].Value;
        return RedirectToPage("Index");
    }

    public Task<IActionResult> OnPostDeactivateAsync(Guid id) => WithLockedUserAsync(id, async (user, transaction) =>
    {
        if (user.Id == CurrentUserId)
        {
            ModelState.AddModelError("", l["Users.CannotDeactivateSelf"]);
        }
        else if (await users.IsInRoleAsync(user, Roles.Administrator) && await OtherActiveAdministrators(user.Id) == 0)
        {
            ModelState.AddModelError("", l["Users.LastAdministrator"]);
        }

        if (!ModelState.IsValid)
        {
            await Reload(user);
            return Page();
        }

        user.IsActive = false;
        user.DeactivatedAt = time.GetUtcNow();
        // A new security stamp ends the user's sessions within the validation interval.
        var result = await users.UpdateSecurityStampAsync(user);
        return result.Succeeded ? await Done(transaction, "Users.Deactivated", user) : await Failed(user, result);
    });

    public Task<IActionResult> OnPostReactivateAsync(Guid id) => WithLockedUserAsync(id, async (user, transaction) =>
    {
        user.IsActive = true;
        user.DeactivatedAt = null;
        var result = await users.UpdateAsync(user);
        return result.Succeeded ? await Done(transaction, "Users.Reactivated", user) : await Failed(user, result);
    });

    public Task<IActionResult> OnPostUnlockAsync(Guid id) => WithLockedUserAsync(id, async (user, transaction) =>
    {
        var result = await users.SetLockoutEndDateAsync(user, null);
        if (result.Succeeded)
        {
            result = await users.ResetAccessFailedCountAsync(user);
        }

        return result.Succeeded ? await Done(transaction, "Users.Unlocked", user) : await Failed(user, result);
    });

    public Task<IActionResult> OnPostSetPasswordAsync(Guid id) => WithLockedUserAsync(id, async (user, transaction) =>
    {
        if (string.IsNullOrEmpty(NewPassword))
        {
            ModelState.AddModelError(nameof(NewPassword), l["Validation.Required", l["Field.NewPassword"]]);
        }
        else if (NewPassword.Length > 256)
        {
            ModelState.AddModelError(nameof(NewPassword), l["Validation.MaxLength", l["Field.NewPassword"], 256]);
        }

        if (!ModelState.IsValid)
        {
            await Reload(user);
            return Page();
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, NewPassword!);
        return result.Succeeded ? await Done(transaction, "Users.PasswordSet", user) : await Failed(user, result);
    });

    private Guid? CurrentUserId => Guid.TryParse(users.GetUserId(User), out var id) ? id : null;

    /// <summary>
    /// The single-purpose buttons (deactivate, reactivate, unlock, set password): they post no edit
    /// form, so its fields are not validated; the user's row is locked and must be as the page showed it.
    /// </summary>
    private async Task<IActionResult> WithLockedUserAsync(Guid id, Func<AppUser, IDbContextTransaction, Task<IActionResult>> action)
    {
        ModelState.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var user = await LockAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        if (!IsCurrent(user))
        {
            return await Conflict(user);
        }

        return await action(user, transaction);
    }

    /// <summary>Loads the user and locks their row until the transaction ends, so the check below holds until the save.</summary>
    private Task<AppUser?> LockAsync(Guid id) => db.IsSqlite
        ? db.Users.SingleOrDefaultAsync(u => u.Id == id)   // the transaction holds SQLite's write lock already
        : db.Users.FromSql($"SELECT * FROM users WHERE id = {id} FOR UPDATE").SingleOrDefaultAsync();

    /// <summary>True if nobody changed the user since this form was loaded (the form carries the stamp it showed).</summary>
    private bool IsCurrent(AppUser user) => string.Equals(user.ConcurrencyStamp, ConcurrencyStamp, StringComparison.Ordinal);

    private async Task<IActionResult> Conflict(AppUser user)
    {
        // Show what is stored now, with its stamp: the user checks it and saves again.
        ModelState.AddModelError("", l["Common.ConcurrencyConflict"]);
        await Reload(user);
        ConcurrencyStamp = user.ConcurrencyStamp ?? "";
        return Page();
    }

    private Task<int> OtherActiveAdministrators(Guid userId) =>
        Recipients.ActiveInRole(db, Roles.Administrator).CountAsync(u => u.Id != userId);

    private async Task<IActionResult> Done(IDbContextTransaction transaction, string message, AppUser user)
    {
        await transaction.CommitAsync();
        TempData["Message"] = l[message, user.Email ?? ""].Value;
        return RedirectToPage("Edit", new { id = user.Id });
    }

    private async Task<IActionResult> Failed(AppUser user, IdentityResult result)
    {
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError("", error.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure) ? l["Common.ConcurrencyConflict"] : error.Description);
        }

        // Show what is stored now, with the user's input kept for the edit form.
        db.ChangeTracker.Clear();
        var fresh = await users.FindByIdAsync(user.Id.ToString());
        await Load(fresh ?? user);
        ConcurrencyStamp = fresh?.ConcurrencyStamp ?? ConcurrencyStamp;
        return Page();
    }

    private async Task Reload(AppUser user)
    {
        Input = new UserInput
        {
            DisplayName = user.DisplayName,
            Email = user.Email ?? "",
            DepartmentId = user.DepartmentId,
            Roles = [.. await users.GetRolesAsync(user)],
            Language = user.PreferredLanguage,
        };
        await Load(user);
    }

    private async Task Load(AppUser user)
    {
        IsActive = user.IsActive;
        LockedOut = user.LockoutEnd > time.GetUtcNow();
        TwoFactor = user.TwoFactorEnabled;
        Departments = await UserForm.DepartmentChoices(db, Input.DepartmentId);
    }
}

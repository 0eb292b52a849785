using System.ComponentModel.DataAnnotations;
using Controls.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Account;

/// <summary>Second step of sign-in with a one-time recovery code instead of the app. Public.</summary>
public class SignInRecoveryCodeModel(SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> l) : SecondFactorSignInModel(signIn)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(20, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Field.RecoveryCode")]
        public string RecoveryCode { get; set; } = "";
    }

    protected override string WrongCode => l["TwoFactor.InvalidRecoveryCode"];

    protected override Task<Microsoft.AspNetCore.Identity.SignInResult> SignInWithCodeAsync() =>
        SignIns.TwoFactorRecoveryCodeSignInAsync(Input.RecoveryCode.Replace(" ", "", StringComparison.Ordinal));
}

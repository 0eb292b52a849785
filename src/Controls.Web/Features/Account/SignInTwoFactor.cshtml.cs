using System.ComponentModel.DataAnnotations;
using Controls.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Account;

/// <summary>Second step of sign-in: the authenticator app's code. Public (after the password step).</summary>
public class SignInTwoFactorModel(SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> l) : SecondFactorSignInModel(signIn)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(7, MinimumLength = 6, ErrorMessage = "Validation.Length")]
        [Display(Name = "Field.AuthenticatorCode")]
        public string Code { get; set; } = "";
    }

    protected override string WrongCode => l["TwoFactor.InvalidCode"];

    protected override Task<Microsoft.AspNetCore.Identity.SignInResult> SignInWithCodeAsync() => SignIns.TwoFactorAuthenticatorSignInAsync(
        Input.Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal), isPersistent: false, rememberClient: false);
}

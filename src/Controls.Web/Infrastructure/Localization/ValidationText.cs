using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Infrastructure.Localization;

/// <summary>Messages of IValidatableObject checks, in the user's language (attributes are localised by MVC; these are not).</summary>
public static class ValidationText
{
    public static string Localize(ValidationContext context, string key) =>
        context.GetService(typeof(IStringLocalizer<SharedResource>)) is IStringLocalizer<SharedResource> l ? l[key] : key;
}

using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Controls.Web.Infrastructure.Localization;

public static class Languages
{
    public const string Japanese = "ja";
    public const string English = "en";
    public static readonly string[] Supported = [Japanese, English];

    public static bool IsSupported(string? language) => language is Japanese or English;

    public static string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == English ? English : Japanese;

    /// <summary>Remembers the language in the culture cookie (the user's own record keeps it across devices).</summary>
    public static void Remember(HttpResponse response, string language, bool secure) =>
        response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language)),
            new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.AddYears(1),
                IsEssential = true,
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = secure,
            });
}

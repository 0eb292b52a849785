using System.Globalization;
using Controls.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Statement;

/// <summary>The statement's fixed texts from the resource files in a given language, whatever the page's language.</summary>
public sealed class StatementLabels(IStringLocalizer<SharedResource> l)
{
    public string Get(string language, string key, params object[] args)
    {
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language == Languages.English ? "en" : "ja");
        try
        {
            return args.Length == 0 ? l[key].Value : l[key, args].Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }

    public Func<string, object[], string> For(string language) => (key, args) => Get(language, key, args);
}

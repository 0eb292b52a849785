using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Infrastructure.Localization;

/// <summary>
/// The texts of notices (notifications, their e-mails, reminders, drafts): a resource text rendered in a
/// given language, the recipient's rather than the request's.
/// </summary>
public static class MessageText
{
    /// <summary>The resource text in the given language, with its arguments rendered in that language too.</summary>
    public static string Localize(IStringLocalizer localizer, string language, string key, object[] args)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        try
        {
            var rendered = args.Select(a => a is IMessageText text ? text.Render(localizer, language) : a).ToArray();
            var text = localizer[key, rendered];
            return text.ResourceNotFound ? throw new InvalidOperationException($"No text for resource key {key}") : text.Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}

/// <summary>
/// A message argument that reads differently per language; <see cref="MessageText.Localize"/> renders it
/// in the recipient's language (other arguments are formatted as they are).
/// </summary>
public interface IMessageText
{
    /// <summary>Called while the current UI culture is the recipient's language.</summary>
    string Render(IStringLocalizer localizer, string language);
}

/// <summary>A name kept in both languages, e.g. a department's or a catalog's.</summary>
public sealed record Bilingual(string Ja, string En) : IMessageText
{
    public string Render(IStringLocalizer localizer, string language) => language == "en" && En.Length > 0 ? En : Ja;
}

/// <summary>A resource text with its own arguments (themselves rendered in the same language).</summary>
public sealed record Localized(string Key, params object[] Args) : IMessageText
{
    public string Render(IStringLocalizer localizer, string language) => MessageText.Localize(localizer, language, Key, Args);
}

/// <summary>Several texts, one per line.</summary>
public sealed record TextLines(IReadOnlyList<IMessageText> Lines) : IMessageText
{
    public string Render(IStringLocalizer localizer, string language) =>
        string.Join("\n", Lines.Select(line => line.Render(localizer, language)));
}

using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Notifications;

/// <summary>
/// A message argument that reads differently per language; <see cref="Notifier"/> renders it in the
/// recipient's language (other arguments are formatted as they are).
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
    public string Render(IStringLocalizer localizer, string language) => Notifier.Localize(localizer, language, Key, Args);
}

/// <summary>Several texts, one per line.</summary>
public sealed record TextLines(IReadOnlyList<IMessageText> Lines) : IMessageText
{
    public string Render(IStringLocalizer localizer, string language) =>
        string.Join("\n", Lines.Select(line => line.Render(localizer, language)));
}

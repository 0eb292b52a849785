using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml;

namespace Controls.Web.Features.Statement;

public enum ParagraphKind
{
    Title,
    Heading,
    Text,
}

/// <summary>One paragraph of the statement: the plain text, the HTML fragment and the .docx are all written from the same list.</summary>
public sealed record StatementParagraph(ParagraphKind Kind, string Text);

/// <summary>The statement in one language as a list of paragraphs, with its three renderings.</summary>
public sealed record StatementDocument(string Language, IReadOnlyList<StatementParagraph> Paragraphs)
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    /// <summary>Plain text: the title, then each section's heading as "■ heading" followed by its paragraphs, a blank line between blocks.</summary>
    public string ToPlainText()
    {
        var text = new StringBuilder();
        foreach (var paragraph in Paragraphs)
        {
            if (paragraph.Kind == ParagraphKind.Heading && text.Length > 0)
            {
                text.Append('\n');
            }

            text.Append(paragraph.Kind == ParagraphKind.Heading ? "■ " + paragraph.Text : paragraph.Text).Append('\n');
            if (paragraph.Kind == ParagraphKind.Title)
            {
                text.Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>An HTML fragment for pasting into a website: one section, every text encoded.</summary>
    public string ToHtmlFragment()
    {
        var html = new StringBuilder();
        html.Append("<section class=\"security-measures\" lang=\"").Append(Language).Append("\">\n");
        foreach (var paragraph in Paragraphs)
        {
            var tag = paragraph.Kind switch
            {
                ParagraphKind.Title => "h2",
                ParagraphKind.Heading => "h3",
                _ => "p",
            };
            html.Append('<').Append(tag).Append('>').Append(WebUtility.HtmlEncode(paragraph.Text)).Append("</").Append(tag).Append(">\n");
        }

        html.Append("</section>\n");
        return html.ToString();
    }

    /// <summary>
    /// A text as one paragraph: line breaks, tabs and other control characters become spaces, runs
    /// of spaces one, and characters XML cannot hold (unpaired surrogates, U+FFFE/U+FFFF) are dropped,
    /// so every text can go into the .docx.
    /// </summary>
    public static string OneParagraph(string? text)
    {
        var kept = new StringBuilder();
        var value = text ?? "";
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && XmlConvert.IsXmlSurrogatePair(value[i + 1], c))
            {
                kept.Append(c).Append(value[++i]);
            }
            else if (char.IsControl(c))
            {
                kept.Append(' ');
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                kept.Append(c);
            }
        }

        return string.Join(' ', kept.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    public string ToJson() => JsonSerializer.Serialize(Paragraphs, Json);

    public static StatementDocument FromJson(string language, string json) =>
        new(language, string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<StatementParagraph>>(json, Json) ?? []);

    /// <summary>The lines the version diff compares.</summary>
    public static IReadOnlyList<string> Lines(string plainText) => plainText.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
}

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Controls.Web.Features.Catalog;

/// <summary>
/// Writes a catalog back to YAML in the layout of the files in checklists/, so that
/// <see cref="CatalogParser.Parse"/> reads the same catalog again. Comments are not part of the
/// model and are not written. A text is written plain when YAML reads it back unchanged,
/// otherwise in double quotes with escapes.
/// </summary>
public static partial class CatalogYamlWriter
{
    public static string Write(CatalogDocument document)
    {
        var yaml = new StringBuilder();
        yaml.Append("catalog:\n");
        Line(yaml, 2, "id", Plain(document.Id));
        Line(yaml, 2, "version", Quoted(document.Version));
        Line(yaml, 2, "guideline", Quoted(document.Guideline));
        Line(yaml, 2, "target", Plain(document.Target));
        Text(yaml, 2, "title", document.Title);
        Text(yaml, 2, "description", document.Description);
        yaml.Append("measures:\n");
        for (var i = 0; i < document.Measures.Count; i++)
        {
            var measure = document.Measures[i];
            if (i > 0)
            {
                yaml.Append('\n');
            }

            yaml.Append("  - id: ").Append(Plain(measure.Id)).Append('\n');
            Line(yaml, 4, "category", Plain(measure.Category));
            Text(yaml, 4, "title", measure.Title);
            Text(yaml, 4, "description", measure.Description);
            Line(yaml, 4, "recurrence", Plain(measure.Recurrence));
            // The optional keys are written only when given, so a catalog without them keeps its hash.
            if (measure.Iso27001.Count > 0 || measure.Category != MeasureCategory.Pms)
            {
                Line(yaml, 4, "iso27001", "[" + string.Join(", ", measure.Iso27001.Select(Quoted)) + "]");
            }

            if (measure.AppiMeasures.Count > 0)
            {
                Line(yaml, 4, "appi", "[" + string.Join(", ", measure.AppiMeasures.Select(Quoted)) + "]");
            }

            if (measure.Statement != new LocalizedText("", "") || measure.Category != MeasureCategory.Pms)
            {
                Text(yaml, 4, "statement", measure.Statement);
            }

            yaml.Append("    items:\n");
            foreach (var item in measure.Items)
            {
                yaml.Append("      - id: ").Append(Plain(item.Id)).Append('\n');
                if (item.Clause.Length > 0)
                {
                    Line(yaml, 8, "clause", Quoted(item.Clause));
                }

                Text(yaml, 8, "question", item.Question);
                Text(yaml, 8, "guidance", item.Guidance);
                Text(yaml, 8, "evidence", item.Evidence);
                Line(yaml, 8, "small_business", item.SmallBusiness ? "true" : "false");

            }
        }

        return yaml.ToString();
    }

    private static void Line(StringBuilder yaml, int indent, string key, string value) =>
        yaml.Append(' ', indent).Append(key).Append(": ").Append(value).Append('\n');

    private static void Text(StringBuilder yaml, int indent, string key, LocalizedText text)
    {
        yaml.Append(' ', indent).Append(key).Append(":\n");
        Line(yaml, indent + 2, "ja", Plain(text.Ja));
        Line(yaml, indent + 2, "en", Plain(text.En));
    }

    /// <summary>The value as is when YAML reads it back as the same string, else <see cref="Quoted"/>.</summary>
    public static string Plain(string value) => NeedsQuotes(value) ? Quoted(value) : value;

    public static string Quoted(string value)
    {
        var quoted = new StringBuilder(value.Length + 2).Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"':
                    quoted.Append("\\\"");
                    break;
                case '\\':
                    quoted.Append(@"\\");
                    break;
                case '\n':
                    quoted.Append(@"\n");
                    break;
                case '\t':
                    quoted.Append(@"\t");
                    break;
                case '\r':
                    quoted.Append(@"\r");
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        quoted.Append(c).Append(value[++i]);
                    }
                    else if (IsUnsafe(c))
                    {
                        quoted.Append(@"\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        quoted.Append(c);
                    }

                    break;
            }
        }

        return quoted.Append('"').ToString();
    }

    /// <summary>
    /// Control characters, YAML's extra line breaks (NEL, LS, PS), the byte order mark and
    /// surrogates (a lone one cannot be written as UTF-8): written as escapes, so that the file
    /// keeps one value per line.
    /// </summary>
    private static bool IsUnsafe(char c) =>
        char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF' || char.IsSurrogate(c);

    private static bool NeedsQuotes(string value) =>
        value.Length == 0
        || value != value.Trim()
        || HasUnsafe(value)
        || "-?:,[]{}#&*!|>'\"%@`".Contains(value[0])
        || value.Contains(": ", StringComparison.Ordinal)
        || value.Contains(" #", StringComparison.Ordinal)
        || value.EndsWith(':')
        || value.StartsWith("...", StringComparison.Ordinal)
        || ReadAsNonString().IsMatch(value);

    private static bool HasUnsafe(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (IsUnsafe(value[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Words YAML 1.1 or 1.2 reads as null, a boolean or a number (also dates and times such as
    /// 2026-04-01 or 12:30, and 7.10, which a YAML tool would turn into 7.1).
    /// </summary>
    [GeneratedRegex(@"^(~|null|Null|NULL|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|=|<<|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|[-+]?\.?[0-9][0-9a-zA-Z_.:+\- ]*)$")]
    private static partial Regex ReadAsNonString();
}

using System.Globalization;
using System.Text;

namespace Controls.Web.Infrastructure.Excel;

/// <summary>The small rules of the SpreadsheetML format: cell text, sheet names, column letters, serial dates.</summary>
internal static class XlsxFormat
{
    /// <summary>Excel's limit on the characters in one cell.</summary>
    public const int MaxCellLength = 32_767;

    public const int MaxSheetNameLength = 31;

    public const int MaxRows = 1_048_576;

    public const int MaxColumns = 16_384;

    private static readonly DateOnly Epoch = new(1899, 12, 30);

    /// <summary>Before this day Excel's serial numbers are off by one (its 1900-02-29 that never was).</summary>
    private static readonly DateOnly FirstSerialDate = new(1900, 3, 1);

    /// <summary>
    /// Text as it can be written into a cell: characters that XML 1.0 does not allow (control
    /// characters other than tab, line feed and carriage return, U+FFFE, U+FFFF, lone surrogates) are
    /// dropped; the text is cut at <see cref="MaxCellLength"/> characters; and an underscore that
    /// would start an escape such as <c>_x000D_</c> is itself escaped, since Excel decodes those.
    /// Returns the same instance when nothing needs to change (the usual case).
    /// </summary>
    public static string CellText(string text)
    {
        var clean = WithoutInvalidCharacters(text);
        if (clean.Length > MaxCellLength)
        {
            clean = Cut(clean, MaxCellLength);
        }

        return clean.Contains("_x", StringComparison.Ordinal) ? EscapeUnderscores(clean) : clean;
    }

    public static string WithoutInvalidCharacters(string text)
    {
        var first = FirstInvalid(text);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    builder.Append(c).Append(text[i + 1]);
                    i++;
                }
            }
            else if (IsValidSingle(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static int FirstInvalid(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (!IsValidSingle(c))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>XML 1.0 Char, for a character that is not part of a surrogate pair.</summary>
    private static bool IsValidSingle(char c) =>
        c >= '\u0020' ? !char.IsSurrogate(c) && c is not ('\uFFFE' or '\uFFFF') : c is '\t' or '\n' or '\r';

    /// <summary>The first <paramref name="length"/> characters, never splitting a surrogate pair.</summary>
    private static string Cut(string text, int length) =>
        text[..(char.IsHighSurrogate(text[length - 1]) ? length - 1 : length)];

    private static string EscapeUnderscores(string text)
    {
        var builder = new StringBuilder(text.Length + 7);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '_' && i + 6 < text.Length && text[i + 1] == 'x' && text[i + 6] == '_'
                && char.IsAsciiHexDigit(text[i + 2]) && char.IsAsciiHexDigit(text[i + 3])
                && char.IsAsciiHexDigit(text[i + 4]) && char.IsAsciiHexDigit(text[i + 5]))
            {
                builder.Append("_x005F");
            }

            builder.Append(text[i]);
        }

        return builder.ToString();
    }

    /// <summary>
    /// A sheet name Excel accepts, close to <paramref name="requested"/>: <c>[]:*?/\</c> and line
    /// breaks become <c>_</c>, apostrophes at either end are dropped, at most 31 characters, not
    /// the reserved "History", and different from every name in <paramref name="taken"/> (Excel
    /// compares them ignoring case; here also width and kana type, to be safe) by a " (2)" suffix.
    /// </summary>
    public static string SheetName(string requested, IReadOnlyCollection<string> taken)
    {
        var builder = new StringBuilder();
        foreach (var c in WithoutInvalidCharacters(requested))
        {
            builder.Append(c is '[' or ']' or ':' or '*' or '?' or '/' or '\\' or '\t' or '\n' or '\r' ? '_' : c);
        }

        var name = builder.ToString().Trim().Trim('\'').Trim();
        if (name.Length == 0)
        {
            name = "Sheet";
        }
        else if (string.Equals(name, "History", StringComparison.OrdinalIgnoreCase))
        {
            name += "_";
        }

        var candidate = name.Length > MaxSheetNameLength ? Cut(name, MaxSheetNameLength) : name;
        for (var n = 2; taken.Any(t => SameSheetName(t, candidate)); n++)
        {
            var suffix = string.Create(CultureInfo.InvariantCulture, $" ({n})");
            var room = MaxSheetNameLength - suffix.Length;
            candidate = (name.Length > room ? Cut(name, room) : name) + suffix;
        }

        return candidate;
    }

    private static bool SameSheetName(string a, string b) =>
        CultureInfo.InvariantCulture.CompareInfo.Compare(
            a, b, CompareOptions.IgnoreCase | CompareOptions.IgnoreWidth | CompareOptions.IgnoreKanaType) == 0;

    /// <summary>Column letters for a zero-based column index: 0 → A, 25 → Z, 26 → AA.</summary>
    public static string ColumnName(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, MaxColumns);
        Span<char> letters = stackalloc char[3];
        var start = letters.Length;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters[--start] = (char)('A' + ((n - 1) % 26));
        }

        return new string(letters[start..]);
    }

    /// <summary>Excel's serial day number (1900 date system), or false before 1900-03-01.</summary>
    public static bool TrySerial(DateOnly date, out double serial)
    {
        serial = date.DayNumber - Epoch.DayNumber;
        return date >= FirstSerialDate;
    }

    /// <summary>Excel's serial date-time: days since 1899-12-30 plus the fraction of the day.</summary>
    public static bool TrySerial(DateTime value, out double serial)
    {
        var ok = TrySerial(DateOnly.FromDateTime(value), out var days);
        serial = days + ((double)value.TimeOfDay.Ticks / TimeSpan.TicksPerDay);
        return ok;
    }
}

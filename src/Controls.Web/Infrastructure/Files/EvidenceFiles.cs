using System.Globalization;
using System.Text;

namespace Controls.Web.Infrastructure.Files;

/// <summary>
/// What an evidence file may be: an allowed extension whose content looks like that type (so an
/// HTML page or a program renamed .pdf is refused), and a display name that is safe to show and
/// to send back in Content-Disposition. Pure functions; the store uses them before writing.
/// </summary>
public static class EvidenceFiles
{
    public const int MaxNameLength = 255;

    /// <summary>How many leading bytes the content check reads.</summary>
    public const int HeadLength = 8192;

    public enum Kind
    {
        Pdf,
        Png,
        Jpeg,
        Gif,
        Zip,
        OleCompound,
        Text,
    }

    public sealed record FileType(string Extension, string ContentType, Kind Kind);

    /// <summary>The allowed types, by lower-case extension. The stored content type comes from here, never from the browser.</summary>
    public static readonly IReadOnlyDictionary<string, FileType> Allowed = new[]
    {
        new FileType("pdf", "application/pdf", Kind.Pdf),
        new FileType("png", "image/png", Kind.Png),
        new FileType("jpg", "image/jpeg", Kind.Jpeg),
        new FileType("jpeg", "image/jpeg", Kind.Jpeg),
        new FileType("gif", "image/gif", Kind.Gif),
        new FileType("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Kind.Zip),
        new FileType("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Kind.Zip),
        new FileType("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", Kind.Zip),
        new FileType("zip", "application/zip", Kind.Zip),
        new FileType("xls", "application/vnd.ms-excel", Kind.OleCompound),
        new FileType("doc", "application/msword", Kind.OleCompound),
        new FileType("csv", "text/csv", Kind.Text),
        new FileType("txt", "text/plain", Kind.Text),
    }.ToDictionary(t => t.Extension);

    /// <summary>
    /// The name as shown and downloaded: no folders (either slash), no control or invisible
    /// formatting characters (e.g. right-to-left overrides), none of <c>\ / : * ? " &lt; &gt; |</c>,
    /// no leading or trailing dots and spaces, at most 255 characters with the extension kept.
    /// </summary>
    public static string SafeName(string? name)
    {
        var raw = name ?? "";
        var lastSeparator = raw.LastIndexOfAny(['/', '\\']);
        var plain = lastSeparator >= 0 ? raw[(lastSeparator + 1)..] : raw;
        var builder = new StringBuilder(plain.Length);
        foreach (var c in plain)
        {
            var category = char.GetUnicodeCategory(c);
            if (char.IsControl(c) || category is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                || c is ':' or '*' or '?' or '"' or '<' or '>' or '|')
            {
                continue;
            }

            builder.Append(char.IsWhiteSpace(c) ? ' ' : c);
        }

        var safe = builder.ToString().Trim().Trim('.').Trim();
        if (safe.Length > MaxNameLength)
        {
            var extension = Path.GetExtension(safe);
            extension = extension.Length is > 1 and <= 10 ? extension : "";
            var stem = safe[..(MaxNameLength - extension.Length)];
            // Never cut a surrogate pair in half.
            if (char.IsHighSurrogate(stem[^1]))
            {
                stem = stem[..^1];
            }

            safe = stem.TrimEnd() + extension;
        }

        return safe;
    }

    /// <summary>The allowed type of a (safe) file name, or null.</summary>
    public static FileType? TypeOf(string safeName)
    {
        var extension = Path.GetExtension(safeName).TrimStart('.').ToLowerInvariant();
        return Allowed.GetValueOrDefault(extension);
    }

    /// <summary>True if the leading bytes look like the type (and not like a program or markup).</summary>
    public static bool ContentMatches(FileType type, ReadOnlySpan<byte> head)
    {
        if (LooksExecutable(head))
        {
            return false;
        }

        return type.Kind switch
        {
            Kind.Pdf => Starts(head, "%PDF-"u8),
            Kind.Png => Starts(head, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
            Kind.Jpeg => Starts(head, [0xFF, 0xD8, 0xFF]),
            Kind.Gif => Starts(head, "GIF87a"u8) || Starts(head, "GIF89a"u8),
            // Office Open XML files are zip archives; an empty zip starts with its end record.
            Kind.Zip => Starts(head, [0x50, 0x4B, 0x03, 0x04]) || Starts(head, [0x50, 0x4B, 0x05, 0x06]),
            Kind.OleCompound => Starts(head, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]),
            Kind.Text => LooksLikePlainText(head),
            _ => false,
        };
    }

    private static bool Starts(ReadOnlySpan<byte> head, ReadOnlySpan<byte> prefix) => head.StartsWith(prefix);

    private static bool LooksExecutable(ReadOnlySpan<byte> head) =>
        Starts(head, "MZ"u8)                                  // Windows programs and libraries
        || Starts(head, [0x7F, 0x45, 0x4C, 0x46])             // ELF
        || Starts(head, [0xCF, 0xFA, 0xED, 0xFE])             // Mach-O
        || Starts(head, [0xCA, 0xFE, 0xBA, 0xBE])             // Mach-O universal, Java class
        || Starts(head, "#!"u8);                              // scripts

    /// <summary>Text (UTF-8, Shift_JIS or UTF-16 with its byte-order mark) that does not open as a web page or an image with scripts.</summary>
    private static bool LooksLikePlainText(ReadOnlySpan<byte> head)
    {
        string text;
        if (Starts(head, [0xFF, 0xFE]))
        {
            text = Encoding.Unicode.GetString(head[2..]);
        }
        else if (Starts(head, [0xFE, 0xFF]))
        {
            text = Encoding.BigEndianUnicode.GetString(head[2..]);
        }
        else
        {
            if (head.Contains((byte)0))
            {
                return false;
            }

            // Shift_JIS and UTF-8 both keep ASCII as is, which is all the markup check needs.
            text = Encoding.UTF8.GetString(Starts(head, [0xEF, 0xBB, 0xBF]) ? head[3..] : head);
        }

        var start = text.TrimStart().ToLowerInvariant();
        string[] markup = ["<!doctype", "<html", "<head", "<body", "<script", "<svg", "<?xml", "<iframe", "<object", "<embed"];
        return !markup.Any(m => start.StartsWith(m, StringComparison.Ordinal));
    }
}

using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Controls.IntegrationTests.Fuzzing;
using Controls.IntegrationTests.Infrastructure;
using Controls.Web.Infrastructure.Excel;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Controls.IntegrationTests.Wording;

/// <summary>
/// A Japanese reader meets no English words: every role (each set to Japanese) follows the links it
/// can reach, and every text a page shows — text, titles, placeholders, aria labels — and every list
/// export it can download is checked for Latin words. Allowed are abbreviations in capitals (CSV,
/// PDF, USB), the names in <see cref="Allowed"/>, what the organisation's own data holds (the demo
/// organisation and the built-in catalogs' Japanese text), code (code, kbd, samp, pre) and whatever
/// is marked as written in English (lang="en": the English side of the statement, the language
/// switch).
/// </summary>
public partial class JapaneseWordingTests(FuzzingApp app, ITestOutputHelper output) : IClassFixture<FuzzingApp>
{
    /// <summary>Latin words a Japanese screen may show, each with its reason.</summary>
    private static readonly HashSet<string> Allowed = new(StringComparer.Ordinal)
    {
        // The product, and the products and formats people know by these names.
        "Controls", "Excel", "Word", "PowerPoint", "Microsoft", "Google", "Authenticator", "iCalendar", "cron", "Ctrl",
        // File types and the words a person types into files (import headers, a document's path).
        "xlsx", "csv", "yaml", "email", "completed", "score", "docs", "checklists", "md",
        // The organisation's time zone is shown by its IANA name (Asia/Tokyo).
        "Asia", "Tokyo",
        // Excel's own boolean values in exports.
        "TRUE", "FALSE",
    };

    /// <summary>
    /// Downloads that hold both languages by design: the catalog file (its English columns are the
    /// English text) and the audit trail (the values recorded, as they were written).
    /// </summary>
    private static readonly string[] BilingualDownloads = ["/Catalog/Download", "/Admin/AuditTrail"];

    [Fact]
    public async Task Japanese_pages_and_exports_show_no_English_words_outside_the_allowed_list()
    {
        await using (var db = app.Db())
        {
            await db.Users.ExecuteUpdateAsync(u => u.SetProperty(x => x.PreferredLanguage, "ja"));
        }

        var data = OrganisationWords();
        var found = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        void Check(string where, string text)
        {
            foreach (Match word in LatinWord().Matches(Stripped().Replace(text, " ")))
            {
                if (!Allowed.Contains(word.Value) && !data.Contains(word.Value))
                {
                    if (!found.TryGetValue(word.Value, out var places))
                    {
                        found[word.Value] = places = new(StringComparer.Ordinal);
                    }

                    places.Add(where + " «" + Shorten(text) + "»");
                }
            }
        }

        var pages = 0;
        var exports = 0;
        foreach (var (role, client, crawled) in await app.CrawlAsync())
        {
            var downloads = new HashSet<string>(StringComparer.Ordinal);
            foreach (var page in crawled)
            {
                pages++;
                Assert.Equal("ja", page.Document.DocumentElement.GetAttribute("lang"));
                foreach (var text in Texts(page.Document))
                {
                    Check(role + " " + Crawler.Pattern(page.Url), text);
                }

                foreach (var link in page.Document.QuerySelectorAll<IHtmlAnchorElement>("a[href*='format=csv'], a[href*='format=xlsx']"))
                {
                    downloads.Add(link.GetAttribute("href")!);
                }
            }

            foreach (var href in downloads.Where(d => !BilingualDownloads.Any(b => d.StartsWith(b, StringComparison.OrdinalIgnoreCase))))
            {
                var texts = await ExportTextsAsync(client, href);
                if (texts is null)
                {
                    continue;
                }

                exports++;
                foreach (var text in texts)
                {
                    Check(role + " " + Crawler.Pattern(href), text);
                }
            }
        }

        output.WriteLine($"{pages} pages and {exports} exports checked");
        Assert.True(pages > 100, $"only {pages} pages were reached");
        Assert.True(exports > 5, $"only {exports} exports were reached");
        var report = new StringBuilder();
        foreach (var (word, places) in found)
        {
            report.AppendLine(word + ": " + string.Join(" | ", places.Take(3)));
        }

        Directory.CreateDirectory(RepositoryRoot.File("artifacts"));
        await File.WriteAllTextAsync(RepositoryRoot.File("artifacts", "japanese-wording.txt"), report.ToString());
        Assert.True(found.Count == 0, "English words on Japanese screens or in Japanese exports:\n" + report);
    }

    /// <summary>The texts a reader sees or hears: text outside code and English-marked parts, titles, placeholders, labels.</summary>
    private static IEnumerable<string> Texts(IDocument document)
    {
        if (document.Title is { Length: > 0 } title)
        {
            yield return title;
        }

        foreach (var node in document.Body!.Descendants<IText>())
        {
            if (node.ParentElement is { } parent && !string.IsNullOrWhiteSpace(node.Data) && Shown(parent))
            {
                yield return node.Data;
            }
        }

        foreach (var element in document.Body!.QuerySelectorAll("[placeholder], [title], [aria-label], input[type=submit][value]"))
        {
            if (!Shown(element))
            {
                continue;
            }

            foreach (var name in new[] { "placeholder", "title", "aria-label" })
            {
                if (element.GetAttribute(name) is { Length: > 0 } value)
                {
                    yield return value;
                }
            }

            if (element is IHtmlInputElement { Type: "submit" } submit)
            {
                yield return submit.Value;
            }
        }
    }

    private static bool Shown(IElement element) =>
        element.Closest("script, style, code, kbd, samp, pre, template") is null
        && element.Closest("[lang]")?.GetAttribute("lang") is null or "ja";

    /// <summary>The header and cells of a CSV or Excel export; null when the link is not an export this user may download.</summary>
    private static async Task<List<string>?> ExportTextsAsync(HttpClient client, string href)
    {
        using var response = await client.GetAsync(href);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        var bytes = await response.Content.ReadAsByteArrayAsync();
        var type = response.Content.Headers.ContentType?.MediaType ?? "";
        if (type == "text/csv")
        {
            return [.. Regex.Split(Encoding.UTF8.GetString(bytes), "[,\r\n]")];
        }

        if (type.Contains("spreadsheetml", StringComparison.Ordinal))
        {
            var sheet = XlsxReading.FirstSheet(new MemoryStream(bytes), 100_000);
            Assert.Equal(XlsxReading.Problem.None, sheet.Problem);
            return [.. sheet.Rows.SelectMany(r => r).Where(c => c is string).Select(XlsxReading.Text)];
        }

        return null;
    }

    /// <summary>
    /// Words the organisation's own records hold: what the demo organisation was given (its
    /// contractors' names, people's e-mail names) and the built-in catalogs' keys and Japanese text
    /// (which uses SaaS, Web, IdP as Japanese does).
    /// </summary>
    private static HashSet<string> OrganisationWords()
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var sources = new List<string> { File.ReadAllText(RepositoryRoot.File("seeds", "demo-organisation.yaml")) };
        // The demo organisation's records made in code (its contractors, its ledger).
        foreach (var demo in new[] { "DemoActivity.cs", "DemoRegisters.cs" }.Select(f => RepositoryRoot.File("src", "Controls.Web", "Seeding", f)))
        {
            sources.AddRange(Regex.Matches(File.ReadAllText(demo), "\"([^\"]*)\"").Select(m => m.Groups[1].Value));
        }

        foreach (var catalog in Directory.GetFiles(RepositoryRoot.File("checklists"), "*.yaml"))
        {
            var lines = File.ReadAllLines(catalog);
            sources.AddRange(lines.Where(l => Regex.IsMatch(l, @"^\s*(ja|id|key):")));
            sources.Add(Path.GetFileNameWithoutExtension(catalog));
        }

        foreach (var source in sources)
        {
            foreach (Match word in LatinWord().Matches(source))
            {
                words.Add(word.Value);
            }
        }

        // Only Japanese lines' words, and the seed's names, but not its English labels.
        words.ExceptWith(EnglishOnlySeedWords(sources[0]));
        return words;
    }

    /// <summary>The seed's English names (name_en:, title_en: …) are shown only to English readers.</summary>
    private static HashSet<string> EnglishOnlySeedWords(string seed)
    {
        var english = new HashSet<string>(StringComparer.Ordinal);
        var japanese = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in seed.Split('\n'))
        {
            var target = Regex.IsMatch(line, @"^\s*-?\s*(\w+_en|en):") ? english : japanese;
            foreach (Match word in LatinWord().Matches(line))
            {
                target.Add(word.Value);
            }
        }

        english.ExceptWith(japanese);
        return english;
    }

    private static string Shorten(string text)
    {
        var trimmed = Regex.Replace(text.Trim(), @"\s+", " ");
        return trimmed.Length <= 80 ? trimmed : trimmed[..80] + "…";
    }

    /// <summary>A Latin word with at least one lower-case letter (CSV, PDF, USB, ID are abbreviations, not English).</summary>
    [GeneratedRegex(@"[A-Za-z][A-Za-z'’\-]*[a-z][A-Za-z'’\-]*")]
    private static partial Regex LatinWord();

    /// <summary>E-mail addresses, web addresses, paths, setting names (Mail:Host) and ids are not words.</summary>
    [GeneratedRegex(@"\S+@\S+|https?://\S+|\b[A-Za-z]+(?::[A-Za-z]+)+\b|/[\w/\-\.?=&]+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Stripped();
}

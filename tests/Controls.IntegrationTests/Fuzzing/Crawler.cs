using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Controls.IntegrationTests.Infrastructure;

namespace Controls.IntegrationTests.Fuzzing;

/// <summary>
/// What a signed-in user can reach by following links from the home page: breadth-first, GET only,
/// same origin, at most <see cref="MaxPages"/> pages and <see cref="MaxPerPattern"/> pages of one
/// shape (a list's rows lead to many pages that differ only by id).
/// </summary>
public static class Crawler
{
    public const int MaxPages = 70;
    public const int MaxPerPattern = 2;

    /// <summary>
    /// Links not followed: signing out ends the session the crawl runs in; the job dashboard is
    /// Hangfire's own (no Razor forms; its trigger is checked by a test of its own); downloads
    /// (workbooks, files, calendar feeds) are not pages.
    /// </summary>
    public static bool Skipped(string pathAndQuery) =>
        pathAndQuery.StartsWith("/Account/SignOut", StringComparison.OrdinalIgnoreCase)
        || pathAndQuery.StartsWith("/Admin/Jobs", StringComparison.OrdinalIgnoreCase)
        || System.Text.RegularExpressions.Regex.IsMatch(pathAndQuery,
            @"handler=(Xlsx|Export|Excel|Csv|Workbook|Download|Evidence|File|Ics|Feed|Pdf|Yaml)|/Download|/Feed|\.(xlsx|csv|ics|yaml|pdf|zip)\b",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    public sealed record Page(string Url, IDocument Document);

    public static async Task<List<Page>> CrawlAsync(HttpClient client)
    {
        var pages = new List<Page>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { "/" };
        var perPattern = new Dictionary<string, int>(StringComparer.Ordinal);
        var queue = new Queue<string>(["/"]);
        while (queue.Count > 0 && pages.Count < MaxPages)
        {
            var url = queue.Dequeue();
            var pattern = Pattern(url);
            if (perPattern.GetValueOrDefault(pattern) >= MaxPerPattern)
            {
                continue;
            }

            using var response = await client.GetAsync(url);
            if (!IsHtml(response) || (int)response.StatusCode != 200)
            {
                continue;
            }

            perPattern[pattern] = perPattern.GetValueOrDefault(pattern) + 1;
            var document = await HttpForms.ParseAsync(response);
            pages.Add(new Page(url, document));
            foreach (var link in document.QuerySelectorAll<IHtmlAnchorElement>("a[href]"))
            {
                var href = link.GetAttribute("href")!;
                if (!Uri.TryCreate(new Uri("http://localhost" + url), href, out var target) || target.Host != "localhost" || href.StartsWith('#'))
                {
                    continue;
                }

                var next = target.PathAndQuery;
                if (!Skipped(next) && seen.Add(next))
                {
                    queue.Enqueue(next);
                }
            }
        }

        return pages;
    }

    /// <summary>The shape of a URL: its path with ids replaced, and its query's names.</summary>
    public static string Pattern(string url)
    {
        var uri = new Uri("http://localhost" + url);
        var names = System.Web.HttpUtility.ParseQueryString(uri.Query).AllKeys.Order(StringComparer.Ordinal);
        return DiscoveredForm.Normalize(uri.AbsolutePath) + "?" + string.Join("&", names);
    }

    public static bool IsHtml(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType == "text/html";
}

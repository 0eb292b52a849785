using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Controls.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Controls.IntegrationTests.Fuzzing;

/// <summary>
/// Signs in as every role, a delegate and a user with no role, follows the links each can reach,
/// finds every POST form the pages render, and posts each hostile value of <see cref="HostileValues"/>
/// into each field (one field at a time, the others as rendered, with the antiforgery token).
/// Every post must answer without a server error or a broken response, show no stack trace, and —
/// when it refuses the input — say why on the page and change nothing.
/// </summary>
public partial class FormFuzzerTests(FuzzingApp app, ITestOutputHelper output) : IClassFixture<FuzzingApp>
{
    /// <summary>
    /// Forms not fuzzed, each with its reason: signing out ends the session (it has no field but
    /// the antiforgery token anyway).
    /// </summary>
    private static readonly string[] SkippedActions = ["/Account/SignOut"];

    public sealed record Break(string Role, string Form, string Field, string ValueClass, string Problem);

    [Fact]
    public async Task Hostile_values_in_every_field_of_every_form_never_break_the_form_and_refused_input_changes_nothing()
    {
        var clock = Stopwatch.StartNew();
        var fingerprint = new DatabaseFingerprint(app.ConnectionString);
        var forms = new Dictionary<string, DiscoveredForm>(StringComparer.Ordinal);
        var clients = new Dictionary<string, HttpClient>();
        var pagesCrawled = 0;
        foreach (var (role, client, pages) in await app.CrawlAsync())
        {
            clients[role] = client;
            pagesCrawled += pages.Count;
            foreach (var form in pages.SelectMany(p => DiscoveredForm.FindAll(role, p.Document)))
            {
                if (!SkippedActions.Any(s => form.Action.StartsWith(s, StringComparison.OrdinalIgnoreCase)))
                {
                    forms.TryAdd(form.Signature, form);
                }
            }
        }

        var crawled = clock.Elapsed;
        var breaks = new List<Break>();
        var posts = 0;
        foreach (var form in forms.Values.OrderBy(f => f.Signature, StringComparer.Ordinal))
        {
            var client = clients[form.Role];
            var current = await RefreshAsync(client, form);
            // A refused post changed nothing, so the snapshot after it is the one before the next.
            DatabaseFingerprint.Snapshot? before = null;
            foreach (var (field, index) in form.Mutable.Select((f, i) => (f, i)))
            {
                foreach (var hostile in Sample(form, index))
                {
                    posts++;
                    before ??= await fingerprint.TakeAsync();
                    var problem = await PostAsync(client, current, field.Name, hostile.Value, fingerprint, before);
                    if (problem.Problem is not null)
                    {
                        breaks.Add(new Break(form.Role, form.Signature, field.Name, hostile.Class, problem.Problem));
                    }

                    before = problem.Accepted ? null : problem.After;
                    if (problem.Accepted)
                    {
                        current = await RefreshAsync(client, form);
                    }
                }
            }
        }

        var report = new StringBuilder();
        report.AppendLine(CultureInvariant($"{app.Accounts.Count} accounts, {pagesCrawled} pages crawled in {crawled.TotalSeconds:F0} s; {forms.Count} forms, {forms.Values.Sum(f => f.Mutable.Count)} fields, {Classes.Count} of {HostileValues.All.Count} value classes, {posts} posts in {clock.Elapsed.TotalSeconds:F0} s"));
        report.AppendLine(CultureInvariant($"broken: {breaks.Count} posts on {breaks.Select(b => b.Form).Distinct().Count()} forms"));
        foreach (var form in forms.Values.OrderBy(f => f.Signature, StringComparer.Ordinal))
        {
            report.AppendLine($"  form {form.Signature} (as {form.Role}, on {form.PageUrl})");
        }

        foreach (var group in breaks.GroupBy(b => (b.Form, b.Problem)))
        {
            report.AppendLine($"BREAK {group.Key.Form}: {group.Key.Problem} — {string.Join(", ", group.Select(b => $"{b.Field}={b.ValueClass}").Distinct().Take(12))}{(group.Count() > 12 ? " …" : "")}");
        }

        output.WriteLine(report.ToString());
        var artifacts = RepositoryRoot.File("artifacts", "fuzzing");
        Directory.CreateDirectory(artifacts);
        await File.WriteAllTextAsync(Path.Combine(artifacts, $"forms-{TestDatabase.Provider}.txt".ToLowerInvariant()), report.ToString());
        Assert.True(forms.Count >= 30, $"only {forms.Count} forms found: the crawl is not reaching the app\n{report}");
        Assert.True(breaks.Count == 0, report.ToString());
    }

    /// <summary>
    /// Every page reached, requested again with each query value and each id in its path replaced
    /// by hostile values: a refusal (400, 404) is fine, a server error or a leak is not.
    /// </summary>
    [Fact]
    public async Task Hostile_query_strings_and_route_values_never_break_a_page()
    {
        var breaks = new List<string>();
        var requests = 0;
        var hostile = HostileValues.All.Where(h => h.Value.Length > 0).ToList();
        foreach (var (role, client, pages) in await app.CrawlAsync())
        {
            foreach (var url in pages.Select(p => p.Url).DistinctBy(Crawler.Pattern))
            {
                foreach (var target in Variants(url))
                {
                    // One value class per variant, rotating, so every class meets every kind of place without posting them all everywhere.
                    var value = hostile[requests % hostile.Count];
                    requests++;
                    var hostileUrl = target(Uri.EscapeDataString(value.Value));
                    try
                    {
                        using var response = await client.GetAsync(hostileUrl);
                        var body = await response.Content.ReadAsStringAsync();
                        if ((int)response.StatusCode >= 500 || Leak(body) is not null)
                        {
                            breaks.Add($"{role} GET {Shorten(hostileUrl)} ({value.Class}): {(int)response.StatusCode} {Leak(body)}");
                        }
                    }
                    catch (HttpRequestException e)
                    {
                        breaks.Add($"{role} GET {Shorten(hostileUrl)} ({value.Class}): no valid HTTP response ({e.InnerException?.GetType().Name})");
                    }
                }
            }
        }

        output.WriteLine($"{requests} hostile URLs, {breaks.Count} broken");
        Assert.True(breaks.Count == 0, string.Join("\n", breaks));
    }

    /// <summary>The URL with one place (a query value, an id in the path) made a slot for a hostile value.</summary>
    private static IEnumerable<Func<string, string>> Variants(string url)
    {
        var uri = new Uri("http://localhost" + url);
        var query = System.Web.HttpUtility.ParseQueryString(uri.Query);
        foreach (var name in query.AllKeys.Where(k => k is not null))
        {
            yield return value => uri.AbsolutePath + "?" + string.Join("&", query.AllKeys.Select(k => k + "=" + (k == name ? value : Uri.EscapeDataString(query[k] ?? ""))));
        }

        var segments = uri.AbsolutePath.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (Guid.TryParse(segments[i], out _) || segments[i].Any(char.IsDigit))
            {
                var at = i;
                yield return value => string.Join("/", segments.Select((s, j) => j == at ? value : s)) + uri.Query;
            }
        }

        yield return value => uri.AbsolutePath + (uri.Query.Length > 0 ? uri.Query + "&" : "?") + "p=" + value;
    }

    private static string Shorten(string url) => url.Length > 160 ? url[..160] + "…" : url;

    /// <summary>
    /// The values a field gets, to keep the run short on two cores: a form with one field gets
    /// every class; otherwise field 0, 2, 4 … gets the even-numbered classes of
    /// <see cref="Classes"/> and field 1, 3, 5 … the odd-numbered ones, so every field
    /// gets half of the classes and every class reaches every form (at least one of its fields).
    /// </summary>
    private static IEnumerable<HostileValues.Hostile> Sample(DiscoveredForm form, int fieldIndex) =>
        form.Mutable.Count == 1 ? Classes : Classes.Where((_, j) => (j + fieldIndex) % 2 == 0);

    /// <summary>The value classes posted on this run's provider (every one on SQLite; see <see cref="HostileValues"/>).</summary>
    private static readonly IReadOnlyList<HostileValues.Hostile> Classes = HostileValues.ForProvider(TestDatabase.Provider);

    private static string CultureInvariant(FormattableString text) => FormattableString.Invariant(text);

    private sealed record Outcome(string? Problem, bool Accepted, DatabaseFingerprint.Snapshot? After = null);

    /// <summary>The form as its page renders it now (a post that was accepted may have changed it).</summary>
    private static async Task<DiscoveredForm> RefreshAsync(HttpClient client, DiscoveredForm form)
    {
        using var response = await client.GetAsync(form.PageUrl);
        if (response.StatusCode != HttpStatusCode.OK || !Crawler.IsHtml(response))
        {
            return form;
        }

        var page = await HttpForms.ParseAsync(response);
        return DiscoveredForm.FindAll(form.Role, page).FirstOrDefault(f => f.Signature == form.Signature) ?? form;
    }

    private static async Task<Outcome> PostAsync(HttpClient client, DiscoveredForm form, string field, string value, DatabaseFingerprint fingerprint, DatabaseFingerprint.Snapshot before)
    {
        HttpResponseMessage response;
        try
        {
            response = await client.PostAsync(form.Action, form.With(field, value));
        }
        catch (HttpRequestException e)
        {
            return new Outcome($"no valid HTTP response ({e.InnerException?.GetType().Name ?? e.GetType().Name})", true);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync();
            var after = await fingerprint.TakeAsync();
            var changed = after.Since(before);
            if (status >= 500)
            {
                return new Outcome($"{status} {Leak(body) ?? ""}".Trim(), true);
            }

            if (status < 200 || status > 599 || Leak(body) is { } leak)
            {
                return new Outcome($"{status}, body shows {Leak(body)}", true);
            }

            if (status is >= 300 and < 400)
            {
                // Accepted: the page it leads to must show too.
                var location = response.Headers.Location?.OriginalString ?? "";
                using var next = await client.GetAsync(location);
                return (int)next.StatusCode >= 500 || Leak(await next.Content.ReadAsStringAsync()) is not null
                    ? new Outcome($"accepted, then GET {location} answered {(int)next.StatusCode}", true)
                    : new Outcome(null, true);
            }

            if (status >= 400)
            {
                return new Outcome(changed.Length > 0 ? $"{status} yet changed: {changed}" : null, changed.Length > 0, after);
            }

            if (!Crawler.IsHtml(response))
            {
                return new Outcome(null, changed.Length > 0, after);
            }

            if (!body.TrimEnd().EndsWith("</html>", StringComparison.OrdinalIgnoreCase))
            {
                return new Outcome("HTML page cut short", true);
            }

            var page = await HttpForms.ParseAsync(response);
            var refused = ErrorMessages(page).Any();
            if (refused && changed.Length > 0)
            {
                return new Outcome($"refused ({ErrorMessages(page).First()}) yet changed: {changed}", true);
            }

            if (!refused && changed.Length == 0 && !page.QuerySelectorAll(".alert, [role=status]").Any(e => e.TextContent.Trim().Length > 0))
            {
                return new Outcome("page shown again with no message and nothing saved", false, after);
            }

            return new Outcome(null, changed.Length > 0, after);
        }
    }

    private static IEnumerable<string> ErrorMessages(IDocument page) =>
        page.QuerySelectorAll(".field-validation-error, .validation-summary-errors li, .alert-danger, .alert-warning, [role=alert], div.text-danger, p.text-danger")
            .Select(e => e.TextContent.Trim()).Where(t => t.Length > 0);

    /// <summary>A stack trace or an exception's type name in a page: what a server error leaks.</summary>
    private static string? Leak(string body)
    {
        var match = LeakPattern().Match(body);
        return match.Success ? match.Value : null;
    }

    [GeneratedRegex(@"\b\w+Exception\b|\bat [\w.`<>]+\([^)]*\) in |StackTrace|   at (System|Microsoft|Controls|Npgsql)\.")]
    private static partial Regex LeakPattern();
}

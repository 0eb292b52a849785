using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Controls.IntegrationTests.Infrastructure;

/// <summary>Drives pages as a browser would: GET a page, fill a form (keeping its hidden fields and antiforgery token), submit.</summary>
public static class HttpForms
{
    public static async Task<IDocument> GetPageAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url);
        Assert.True(expected == response.StatusCode, $"GET {url}: expected {expected}, got {(int)response.StatusCode} {response.Headers.Location}");
        return await ParseAsync(response);
    }

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(r => r.Content(html).Address(response.RequestMessage?.RequestUri?.ToString() ?? "http://localhost/"));
    }

    /// <summary>
    /// GETs <paramref name="pageUrl"/>, picks the form (by CSS selector, default: the first form in main),
    /// overrides the given fields and submits it. Multi-valued fields (checkbox lists) take a list.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(
        this HttpClient client, string pageUrl, Dictionary<string, object> values, string formSelector = "main form")
    {
        var page = await client.GetPageAsync(pageUrl);
        return await client.SubmitFormAsync(page, values, formSelector);
    }

    /// <summary>
    /// What a browser submits for one form element: a checked box's value (nothing when unchecked),
    /// nothing for buttons, each selected option of a multiple select (nothing when none is selected).
    /// </summary>
    public static IEnumerable<KeyValuePair<string, string>> SubmittedValues(IElement element, string name) => element switch
    {
        IHtmlInputElement { Type: "checkbox" or "radio" } box => box.IsChecked ? [new(name, box.Value)] : [],
        IHtmlInputElement { Type: "submit" or "button" or "image" or "reset" } => [],
        IHtmlInputElement input => [new(name, input.Value)],
        IHtmlSelectElement { IsMultiple: true } many => many.SelectedOptions.Select(o => new KeyValuePair<string, string>(name, o.Value)),
        IHtmlSelectElement select => [new(name, select.Value ?? "")],
        IHtmlTextAreaElement area => [new(name, area.Value)],
        _ => [],
    };

    public static async Task<HttpResponseMessage> SubmitFormAsync(
        this HttpClient client, IDocument page, Dictionary<string, object> values, string formSelector = "main form", string? action = null)
    {
        var form = page.QuerySelector<IHtmlFormElement>(formSelector) ?? throw new InvalidOperationException($"No form '{formSelector}' on {page.Url}");
        var fields = new List<KeyValuePair<string, string>>();
        var overridden = new HashSet<string>(values.Keys);
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || overridden.Contains(name))
            {
                continue;
            }

            fields.AddRange(SubmittedValues(element, name));
        }

        foreach (var (name, value) in values)
        {
            switch (value)
            {
                case IEnumerable<string> many:
                    fields.AddRange(many.Select(v => new KeyValuePair<string, string>(name, v)));
                    break;
                default:
                    fields.Add(new(name, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? ""));
                    break;
            }
        }

        action ??= form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? new Uri(page.Url).PathAndQuery : action;
        return await client.PostAsync(target, new FormUrlEncodedContent(fields));
    }

    /// <summary>Where a redirect points, as a path and query ("/Account/SignIn?ReturnUrl=%2F").</summary>
    public static string RedirectPath(this HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"expected a redirect, got {(int)response.StatusCode}");
        var location = response.Headers.Location!;
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    /// <summary>Follows a redirect (as a browser would) and returns the resulting page.</summary>
    public static async Task<IDocument> FollowAsync(this HttpClient client, HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"expected a redirect, got {(int)response.StatusCode}: {await Text(response)}");
        return await client.GetPageAsync(response.RedirectPath());
    }

    /// <summary>The validation messages shown on a page that was re-displayed.</summary>
    public static async Task<List<string>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"expected the page to be shown again with errors, got {(int)response.StatusCode} {response.Headers.Location}");
        var page = await ParseAsync(response);
        return page.QuerySelectorAll(".text-danger li, span.text-danger, div.text-danger:not(:has(li)), [data-testid=form-errors] li")
            .Select(e => e.TextContent.Trim()).Where(t => t.Length > 0).ToList();
    }

    private static async Task<string> Text(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length > 2000 ? text[..2000] : text;
    }
}

using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Controls.IntegrationTests.Infrastructure;

namespace Controls.IntegrationTests.Fuzzing;

/// <summary>
/// A POST form as a page rendered it, for one of its submit buttons (each button with its own
/// formaction, e.g. a Razor page handler, is a form of its own): where it posts and the fields a
/// browser would send, in order.
/// </summary>
public sealed record DiscoveredForm(string Role, string PageUrl, string Action, bool Multipart, IReadOnlyList<KeyValuePair<string, string>> Fields, IReadOnlyList<FormField> Mutable)
{
    public const string AntiforgeryField = "__RequestVerificationToken";

    /// <summary>The same form wherever it appears: its action with ids replaced, and its field names.</summary>
    public string Signature => Normalize(Action) + " [" + string.Join(",", Mutable.Select(f => f.Name)) + "]";

    /// <summary>A URL without its fragment, with ids (GUIDs, numbers, codes such as ORG-1) replaced by {id}.</summary>
    public static string Normalize(string url) =>
        System.Text.RegularExpressions.Regex.Replace(url.Split('#')[0], @"(?<=[/=])[^/=&?]*\d[^/=&?]*", "{id}");

    public static IEnumerable<DiscoveredForm> FindAll(string role, IDocument page)
    {
        foreach (var form in page.QuerySelectorAll<IHtmlFormElement>("form"))
        {
            if (!string.Equals(form.Method, "post", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var buttons = form.Elements.Where(e => e is IHtmlButtonElement { Type: "submit" } or IHtmlInputElement { Type: "submit" }).ToList();
            if (buttons.Count == 0)
            {
                buttons.Add(null!);
            }

            foreach (var button in buttons.DistinctBy(b => b?.GetAttribute("formaction") + "|" + b?.GetAttribute("name") + "|" + b?.GetAttribute("value")))
            {
                var action = button?.GetAttribute("formaction") ?? form.GetAttribute("action");
                var target = string.IsNullOrEmpty(action) ? new Uri(page.Url).PathAndQuery : action;
                var (fields, mutable) = ReadFields(form, button);
                var multipart = string.Equals(form.Enctype, "multipart/form-data", StringComparison.OrdinalIgnoreCase);
                yield return new DiscoveredForm(role, new Uri(page.Url).PathAndQuery, target.Split('#')[0], multipart, fields, mutable);
            }
        }
    }

    private static (List<KeyValuePair<string, string>>, List<FormField>) ReadFields(IHtmlFormElement form, IElement? submitter)
    {
        var fields = new List<KeyValuePair<string, string>>();
        var mutable = new List<FormField>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || element.HasAttribute("disabled"))
            {
                continue;
            }

            string? kind = element switch
            {
                IHtmlInputElement { Type: "checkbox" or "radio" } box => box.Type,
                IHtmlInputElement { Type: "submit" or "button" or "image" or "reset" } => null,
                IHtmlButtonElement => null,
                IHtmlInputElement input => input.Type,
                IHtmlSelectElement => "select",
                IHtmlTextAreaElement => "textarea",
                _ => null,
            };
            // File fields are sent as files (multipart), not as values.
            if (element is not IHtmlInputElement { Type: "file" })
            {
                fields.AddRange(HttpForms.SubmittedValues(element, name));
            }

            if (kind is not null && name != AntiforgeryField && mutable.All(f => f.Name != name))
            {
                mutable.Add(new FormField(name, kind));
            }
        }

        if (submitter?.GetAttribute("name") is { Length: > 0 } buttonName)
        {
            fields.Add(new(buttonName, submitter.GetAttribute("value") ?? ""));
        }

        return (fields, mutable);
    }

    /// <summary>
    /// The body a browser would send (URL-encoded, or multipart where the form says so) with the
    /// fields as rendered and every value of <paramref name="field"/> replaced by <paramref name="value"/>;
    /// a file field gets a file holding the value.
    /// </summary>
    public HttpContent With(string field, string value)
    {
        var fields = Fields.Where(f => f.Key != field).ToList();
        var isFile = Mutable.Any(f => f.Name == field && f.Kind == "file");
        if (!Multipart)
        {
            fields.Add(new(field, value));
            return new FormUrlEncodedContent(fields);
        }

        var content = new MultipartFormDataContent();
        foreach (var (name, text) in fields)
        {
            content.Add(new StringContent(text), name);
        }

        if (isFile)
        {
            content.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(value)), field, "fuzz.txt");
        }
        else
        {
            content.Add(new StringContent(value), field);
        }

        return content;
    }
}

/// <summary>A field of a form: its name and kind (text, hidden, date, number, checkbox, select …).</summary>
public sealed record FormField(string Name, string Kind);

using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Infrastructure.Web;

/// <summary>
/// Control characters (U+0000 … U+001F, U+007F … U+009F) other than tab, CR and LF are never
/// input: no form field, query value or route value may carry one. A form that does is shown again
/// with a message naming the field, its handler not run, so nothing is saved; a page requested with
/// one answers 400 with a message.
/// <para>
/// Why a middleware too: ASP.NET Core's form reader refuses an encoded NUL (%00) outright, so the
/// form (antiforgery token included) cannot be read at all and the request used to end in a bare
/// 400 and a broken status page. The middleware takes such characters out of a URL-encoded body
/// before anything reads it, and notes which fields held them for the page filter.
/// </para>
/// </summary>
public static class ControlCharacters
{
    /// <summary>Bodies larger than this are left to the form reader's own limits.</summary>
    private const int MaxInspectedBody = 4 * 1024 * 1024;

    public static bool IsRefused(char c) => char.IsControl(c) && c is not ('\t' or '\r' or '\n');

    public static bool Contains(string? value) => value is not null && value.Any(IsRefused);

    /// <summary>The fields (form, query or route names) that held a refused character in this request.</summary>
    public sealed class Found
    {
        public List<string> Names { get; } = [];
    }

    public static IApplicationBuilder UseControlCharacterGuard(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var found = new Found();
            foreach (var (name, values) in context.Request.Query)
            {
                if (Contains(name) || values.Any(Contains))
                {
                    found.Names.Add(Clean(name));
                }
            }

            if (HttpMethods.IsPost(context.Request.Method)
                && context.Request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true
                && context.Request.ContentLength is null or <= MaxInspectedBody)
            {
                await CleanFormAsync(context, found);
            }

            context.Features.Set(found);
            await next();
        });

    private static async Task CleanFormAsync(HttpContext context, Found found)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        if (buffer.Length > MaxInspectedBody)
        {
            buffer.Position = 0;
            context.Request.Body = new MemoryStream(buffer.ToArray());
            return;
        }

        var body = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        var changed = false;
        var pairs = body.Split('&');
        for (var i = 0; i < pairs.Length; i++)
        {
            var at = pairs[i].IndexOf('=', StringComparison.Ordinal);
            var name = Decode(at < 0 ? pairs[i] : pairs[i][..at]);
            var value = at < 0 ? "" : Decode(pairs[i][(at + 1)..]);
            if (Contains(name) || Contains(value))
            {
                found.Names.Add(Clean(name));
                pairs[i] = Uri.EscapeDataString(Clean(name)) + "=" + Uri.EscapeDataString(Clean(value));
                changed = true;
            }
        }

        var bytes = changed ? Encoding.UTF8.GetBytes(string.Join('&', pairs)) : buffer.ToArray();
        context.Request.Body = new MemoryStream(bytes);
        context.Request.ContentLength = bytes.Length;
    }

    private static string Decode(string text)
    {
        try
        {
            return Uri.UnescapeDataString(text.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            return text;
        }
    }

    private static string Clean(string text) => new(text.Where(c => !IsRefused(c)).ToArray());

    /// <summary>
    /// Refuses the request's hostile fields: multipart form values (read as they are), the fields
    /// the middleware cleaned, query and route values. A POST runs the page's GET handler instead of
    /// its own (the page is shown again, as bound, with the message); a GET answers 400.
    /// </summary>
    public sealed class PageFilter(IStringLocalizer<SharedResource> l, IModelMetadataProvider metadata) : IAsyncPageFilter
    {
        private const string ItemKey = "Controls.RefusedFields";

        private sealed record Refused(List<string> Names, HandlerMethodDescriptor? Handler);

        public async Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context)
        {
            var http = context.HttpContext;
            if (http.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null
                || http.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>() is not null)
            {
                // The status or error page shown for a refused request: it reads nothing of the request.
                http.Items.Remove(ItemKey);
                return;
            }

            var names = new List<string>(http.Features.Get<Found>()?.Names ?? []);
            if (http.Request.HasFormContentType && !http.Request.ContentType!.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
            {
                var form = await http.Request.ReadFormAsync(http.RequestAborted);
                names.AddRange(form.Where(f => Contains(f.Key) || f.Value.Any(Contains)).Select(f => Clean(f.Key)));
            }

            names.AddRange(context.RouteData.Values.Where(v => v.Value is string s && Contains(s)).Select(v => v.Key));
            if (names.Count == 0)
            {
                return;
            }

            http.Items[ItemKey] = new Refused(names.Distinct(StringComparer.Ordinal).ToList(), context.HandlerMethod);
            context.HandlerMethod = HttpMethods.IsPost(http.Request.Method)
                ? context.ActionDescriptor.HandlerMethods.FirstOrDefault(h => string.Equals(h.HttpMethod, "Get", StringComparison.OrdinalIgnoreCase) && h.Name is null)
                    ?? context.ActionDescriptor.HandlerMethods.FirstOrDefault(h => string.Equals(h.HttpMethod, "Get", StringComparison.OrdinalIgnoreCase))
                : null;
        }

        public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            if (context.HttpContext.Items[ItemKey] is not Refused refused)
            {
                await next();
                return;
            }

            foreach (var name in refused.Names)
            {
                context.ModelState.AddModelError(name, l["Input.ControlCharacters", DisplayName(context, name, refused.Handler)]);
            }

            if (context.HandlerMethod is null || !HttpMethods.IsPost(context.HttpContext.Request.Method))
            {
                context.Result = new BadRequestResult();
                return;
            }

            await next();
        }

        /// <summary>The field's display name (as its label shows it) when the page binds it, else its name.</summary>
        private string DisplayName(PageHandlerExecutingContext context, string key, HandlerMethodDescriptor? original)
        {
            var path = key.Split('.').Select(p => p.Split('[')[0]).ToList();
            ModelMetadata? current = metadata.GetMetadataForType(context.ActionDescriptor.ModelTypeInfo!.AsType());
            for (var i = 0; i < path.Count && current is not null; i++)
            {
                var property = current.Properties.FirstOrDefault(p => string.Equals(p.PropertyName, path[i], StringComparison.OrdinalIgnoreCase));
                current = i == path.Count - 1 ? property : property?.ElementMetadata ?? property;
            }

            if (current is null && path.Count == 1 && original?.Parameters.FirstOrDefault(p => string.Equals(p.Name, path[0], StringComparison.OrdinalIgnoreCase)) is { } parameter)
            {
                current = metadata.GetMetadataForType(parameter.ParameterType);
                return current.DisplayName ?? parameter.Name;
            }

            return current?.GetDisplayName() ?? key;
        }
    }
}

using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Controls.Web.Infrastructure.Web;

/// <summary>
/// Every refused field says why on the page: errors of fields that the page shows no message for
/// (a hidden version, a handler's own parameter, a field the form does not render) are listed by
/// the layout above the page. The page's validation messages and summaries note what they show.
/// </summary>
public static class UnshownErrors
{
    private const string ShownKey = "Controls.ShownErrors";
    private const string Everything = "*";

    public static void Shown(ViewContext context, string key)
    {
        if (context.HttpContext.Items[ShownKey] is not HashSet<string> shown)
        {
            context.HttpContext.Items[ShownKey] = shown = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        }

        shown.Add(key);
    }

    /// <summary>The messages of fields (not of the whole form, which pages show themselves) that no message on the page shows.</summary>
    public static List<string> Of(ViewContext context)
    {
        var shown = context.HttpContext.Items[ShownKey] as HashSet<string> ?? [];
        if (shown.Contains(Everything) || context.ModelState.IsValid)
        {
            return [];
        }

        return context.ModelState
            .Where(e => e.Key.Length > 0 && !shown.Contains(e.Key) && e.Value is { Errors.Count: > 0 })
            .SelectMany(e => e.Value!.Errors.Select(x => x.ErrorMessage))
            .Where(m => m.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Notes the field of each <c>asp-validation-for</c> message as shown.</summary>
    [HtmlTargetElement("span", Attributes = "asp-validation-for")]
    [HtmlTargetElement("div", Attributes = "asp-validation-for")]
    public sealed class ValidationMessageNoted : TagHelper
    {
        [HtmlAttributeName("asp-validation-for")]
        public Microsoft.AspNetCore.Mvc.ViewFeatures.ModelExpression For { get; set; } = null!;

        [HtmlAttributeNotBound]
        [ViewContext]
        public ViewContext ViewContext { get; set; } = null!;

        public override void Process(TagHelperContext context, TagHelperOutput output) =>
            Shown(ViewContext, ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name));
    }

    /// <summary>A summary of all errors shows every field's.</summary>
    [HtmlTargetElement("div", Attributes = "asp-validation-summary")]
    public sealed class ValidationSummaryNoted : TagHelper
    {
        [HtmlAttributeName("asp-validation-summary")]
        public ValidationSummary Summary { get; set; }

        [HtmlAttributeNotBound]
        [ViewContext]
        public ViewContext ViewContext { get; set; } = null!;

        public override void Process(TagHelperContext context, TagHelperOutput output)
        {
            if (Summary == ValidationSummary.All)
            {
                Shown(ViewContext, Everything);
            }
        }
    }
}

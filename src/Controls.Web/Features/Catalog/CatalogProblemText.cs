using System.Text.RegularExpressions;
using Controls.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Catalog;

/// <summary>
/// A catalog problem as a page shows it: in English the parser's own detailed message; in Japanese
/// a message per problem code ("CatalogProblem.{code}"), naming the value or key the problem is
/// about (the first one the English message quotes) — the line and column point at it.
/// </summary>
public static partial class CatalogProblemText
{
    public static string For(CatalogProblem problem, IStringLocalizer l)
    {
        if (Languages.Current == "en")
        {
            return problem.Message;
        }

        var text = l["CatalogProblem." + problem.Code];
        var message = text.ResourceNotFound ? l["CatalogProblem.Other"].Value : text.Value;
        return Quoted().Match(problem.Message) is { Success: true } quoted
            ? l["CatalogProblem.About", quoted.Groups[1].Value, message].Value
            : message;
    }

    [GeneratedRegex("'([^']{1,60})'")]
    private static partial Regex Quoted();
}

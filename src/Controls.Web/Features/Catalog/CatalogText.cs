using Controls.Web.Domain;

namespace Controls.Web.Features.Catalog;

/// <summary>Display helpers shared by the catalog pages.</summary>
public static class CatalogText
{
    public static string Pick(string language, string ja, string en) => language == "en" ? en : ja;

    public static string Question(CheckItem item, string language) => Pick(language, item.QuestionJa, item.QuestionEn);
}

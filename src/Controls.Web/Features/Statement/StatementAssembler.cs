namespace Controls.Web.Features.Statement;

/// <summary>One measure as it goes into the statement: the organisation's text (its own wording, else the catalog default).</summary>
public sealed record StatementMeasureText(string CatalogKey, string Code, string Category, int SortOrder, string TextJa, string TextEn, bool Withheld)
{
    public string Text(string language) => language == "en" ? TextEn : TextJa;
}

/// <summary>A foreign country where personal data is handled, with the compliance officer's note.</summary>
public sealed record StatementCountry(string Code, string NameJa, string NameEn, string NoteJa, string NoteEn)
{
    public string Name(string language) => language == "en" ? NameEn : NameJa;

    public string Note(string language) => language == "en" ? NoteEn : NoteJa;
}

/// <summary>
/// What the records show the organisation does beyond the catalog's measures, each a sentence of the
/// statement only when true: ledger entries' risks assessed within the last year (said in the
/// organisational section), and a training with a comprehension test held within the last year with
/// results recorded (said in the human section).
/// </summary>
public sealed record StatementPractices(bool YearlyRiskAssessment, bool ComprehensionTest)
{
    public static readonly StatementPractices None = new(false, false);
}

/// <summary>
/// Assembles the statement of security measures taken (安全管理のために講じた措置) in one language:
/// the title, an introduction, then one section per measure category in the usual order (basic
/// policy, handling rules, organisational, human, physical, technical, understanding the foreign
/// environment, supervision of contractors), each with the text of its disclosed measures. Withheld
/// measures are left out; a category with nothing to say has no heading. The foreign-environment
/// section names the countries (the PPC expects the names): in place of "[国名]" / "[country]" in a
/// measure's text (such a text is left out when no country is recorded), else in a line of its own;
/// then each country's note.
/// </summary>
public static class StatementAssembler
{
    public const string ExternalEnvironment = "external-environment";

    public static readonly IReadOnlyList<string> CategoryOrder =
        ["basic-policy", "handling-rules", "organisational", "human", "physical", "technical", ExternalEnvironment, "contractor-supervision"];

    /// <summary>
    /// <paramref name="label"/> gives the statement's fixed texts in <paramref name="language"/>:
    /// Statement.Text.Title, Statement.Text.Intro, Statement.Section.{category},
    /// Statement.Text.Countries (with {0} = the country names) and Statement.Text.CountryNote ({0} name, {1} note),
    /// and for the <paramref name="practices"/> the records support Statement.Text.RiskAssessment and Statement.Text.ComprehensionTest.
    /// </summary>
    public static StatementDocument Assemble(string language, IEnumerable<StatementMeasureText> measures, IEnumerable<StatementCountry> countries,
        Func<string, object[], string> label, StatementPractices? practices = null)
    {
        practices ??= StatementPractices.None;
        var paragraphs = new List<StatementParagraph>
        {
            new(ParagraphKind.Title, label("Statement.Text.Title", [])),
            new(ParagraphKind.Text, label("Statement.Text.Intro", [])),
        };
        var disclosed = measures.Where(m => !m.Withheld && !string.IsNullOrWhiteSpace(m.Text(language))).ToList();
        var countryList = countries.ToList();
        var categories = CategoryOrder.Concat(disclosed.Select(m => m.Category).Where(c => !CategoryOrder.Contains(c)).Distinct().Order(StringComparer.Ordinal));
        var separator = language == "en" ? ", " : "、";
        var placeholder = Placeholder(language);
        var names = JoinNames(language, countryList.Select(c => c.Name(language)).ToList());
        foreach (var category in categories)
        {
            var sources = disclosed.Where(m => m.Category == category)
                .OrderBy(m => m.CatalogKey, StringComparer.Ordinal).ThenBy(m => m.SortOrder)
                .Select(m => m.Text(language).Trim())
                // A sentence about the countries abroad says nothing true when there are none.
                .Where(t => countryList.Count > 0 || !t.Contains(placeholder, StringComparison.Ordinal))
                .ToList();
            var named = sources.Any(t => t.Contains(placeholder, StringComparison.Ordinal));
            var texts = sources.Select(t => t.Replace(placeholder, names, StringComparison.Ordinal)).ToList();
            if (category == ExternalEnvironment && countryList.Count > 0)
            {
                if (!named)
                {
                    texts.Add(label("Statement.Text.Countries", [string.Join(separator, countryList.Select(c => c.Name(language)))]));
                }

                texts.AddRange(countryList.Where(c => !string.IsNullOrWhiteSpace(c.Note(language)))
                    .Select(c => label("Statement.Text.CountryNote", [c.Name(language), c.Note(language).Trim()])));
            }

            texts.AddRange(PracticesOf(category, practices).Select(key => label(key, [])));
            if (texts.Count == 0)
            {
                continue;
            }

            paragraphs.Add(new StatementParagraph(ParagraphKind.Heading, label("Statement.Section." + category, [])));
            paragraphs.AddRange(texts.Select(t => new StatementParagraph(ParagraphKind.Text, t)));
        }

        return new StatementDocument(language, paragraphs);
    }

    /// <summary>The sentences of the practices a section states, after its measures: risk assessment is organisational, the comprehension test human.</summary>
    private static IEnumerable<string> PracticesOf(string category, StatementPractices practices)
    {
        if (category == "organisational" && practices.YearlyRiskAssessment)
        {
            yield return "Statement.Text.RiskAssessment";
        }

        if (category == "human" && practices.ComprehensionTest)
        {
            yield return "Statement.Text.ComprehensionTest";
        }
    }

    /// <summary>Where a measure's text names the foreign countries: the catalog's EXT-1 default uses it.</summary>
    public static string Placeholder(string language) => language == "en" ? "[country]" : "[国名]";

    /// <summary>"A", "A及びB", "A、B及びC" / "A", "A and B", "A, B and C".</summary>
    public static string JoinNames(string language, IReadOnlyList<string> names)
    {
        var (separator, and) = language == "en" ? (", ", " and ") : ("、", "及び");
        return names.Count <= 1 ? string.Join("", names) : string.Join(separator, names.Take(names.Count - 1)) + and + names[^1];
    }
}

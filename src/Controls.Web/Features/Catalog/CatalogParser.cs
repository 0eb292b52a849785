using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using static Controls.Web.Features.Catalog.CatalogProblemCode;

namespace Controls.Web.Features.Catalog;

/// <summary>
/// Reads and checks a catalog file against the rules of docs/checklists.md. Never throws on bad
/// input: every problem is returned, all of them in one pass, in file order, each at the line and
/// column of the key or value concerned.
/// </summary>
public static partial class CatalogParser
{
    public const int MaxBytes = 1024 * 1024;
    public const int MinItems = 3;
    public const int MaxItems = 6;

    /// <summary>Beyond this many, the rest are summed up in one last problem.</summary>
    public const int MaxProblems = 100;

    private static readonly string[] FileKeys = ["catalog", "measures"];
    private static readonly string[] CatalogKeys = ["id", "version", "guideline", "target", "title", "description"];
    private static readonly string[] MeasureKeys = ["id", "category", "title", "description", "recurrence", "iso27001", "appi", "statement", "items"];
    private static readonly string[] ItemKeys = ["id", "question", "guidance", "evidence", "small_business", "clause"];

    /// <summary>Keys a measure may leave out: the APPI mapping always; for a <c>pms</c> measure also the ISO mapping and the statement.</summary>
    private static readonly string[] OptionalMeasureKeys = ["appi"];
    private static readonly string[] OptionalPmsMeasureKeys = ["appi", "iso27001", "statement"];

    /// <summary>An item may leave out its clause, except in a <c>pms</c> measure.</summary>
    private static readonly string[] OptionalItemKeys = ["clause"];
    private static readonly string[] TextKeys = ["ja", "en"];

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex CatalogIdPattern();

    [GeneratedRegex("^[A-Z]+-[0-9]+$")]
    private static partial Regex MeasureIdPattern();

    [GeneratedRegex(@"^(?<measure>.*)\.(?<number>[1-9][0-9]*)$")]
    private static partial Regex ItemIdPattern();

    /// <summary>A clause or Annex item number: 4, 9.2, 6.1.2, A.3.4.2.1.</summary>
    [GeneratedRegex(@"^(A\.)?[1-9][0-9]?(\.[1-9][0-9]?){0,5}$")]
    private static partial Regex ClausePattern();

    public const int MaxClauseLength = 30;

    public static CatalogParseResult Parse(string fileName, byte[] content)
    {
        var problems = new List<CatalogProblem>();
        var document = Decode(fileName, content, problems) is { } text
            && YamlTree.Load(fileName, text, problems) is { } root
            ? new Reader(fileName, problems).File(root)
            : null;

        if (problems.Count == 0 && document is null)
        {
            problems.Add(new(fileName, 1, 1, EmptyFile, "the file is empty: a catalog needs the sections 'catalog' and 'measures'"));
        }

        if (problems.Count > 0)
        {
            var sorted = problems.OrderBy(p => p.Line).ThenBy(p => p.Column).ToList();
            if (sorted.Count > MaxProblems)
            {
                var last = sorted[MaxProblems - 1];
                sorted = sorted[..MaxProblems];
                sorted.Add(last with { Code = TooManyProblems, Message = $"... and {problems.Count - MaxProblems} more problems; fix these first" });
            }

            return new CatalogParseResult(null, sorted);
        }

        return new CatalogParseResult(document, []);
    }

    internal static CatalogProblem TooLarge(string file, long length) =>
        new(file, 1, 1, FileTooLarge, $"the file is {length.ToString("N0", CultureInfo.InvariantCulture)} bytes; a catalog may be at most 1 MiB ({MaxBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes)");

    /// <summary>The text of a strict UTF-8 file (a BOM is allowed), or null with a problem.</summary>
    private static string? Decode(string file, byte[] content, List<CatalogProblem> problems)
    {
        if (content.Length > MaxBytes)
        {
            problems.Add(TooLarge(file, content.Length));
            return null;
        }

        if (content is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
        {
            problems.Add(new(file, 1, 1, Utf16, "the file is UTF-16; save it as UTF-8"));
            return null;
        }

        if (Array.IndexOf(content, (byte)0) >= 0)
        {
            problems.Add(new(file, 1, 1, Utf16, "the file contains NUL bytes, so it is probably UTF-16; save it as UTF-8"));
            return null;
        }

        var bytes = content.AsSpan();
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        var chars = new char[bytes.Length];
        if (Utf8.ToUtf16(bytes, chars, out var read, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
        {
            // Everything before bytes[read] decoded: count lines and columns in it.
            var valid = chars.AsSpan(0, written);
            var lastBreak = valid.LastIndexOf('\n');
            var line = valid.Count('\n') + 1;
            var column = written - lastBreak;
            problems.Add(new(file, line, column, NotUtf8,
                $"the file is not valid UTF-8 (byte 0x{bytes[read]:X2}); save it as UTF-8 (a file saved as Shift_JIS is the usual cause)"));
            return null;
        }

        return new string(chars, 0, written);
    }

    /// <summary>Walks the YAML nodes, reporting as it goes; the document it returns is used only if nothing was reported.</summary>
    private sealed class Reader(string file, List<CatalogProblem> problems)
    {
        private readonly Dictionary<string, int> measureLines = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> itemLines = new(StringComparer.Ordinal);
        private string? target;

        private sealed record Field(YamlTree.Scalar Key, YamlTree.Node Value);

        public CatalogDocument? File(YamlTree.Node root)
        {
            if (root is YamlTree.Scalar { IsEmpty: true })
            {
                return null;
            }

            var fields = Map(root, "the file", FileKeys);
            var catalogField = fields?.GetValueOrDefault("catalog");
            var catalog = Map(catalogField?.Value, "catalog", CatalogKeys, missingAt: catalogField?.Key);
            var id = Value(catalog, "id", "catalog");
            if (id.Length > 0 && !CatalogIdPattern().IsMatch(id))
            {
                Report(catalog!["id"].Value, BadId, $"catalog id '{id}' may use only lowercase letters, digits and single hyphens, e.g. osaka-branch-checks");
            }

            target = Choice(catalog, "target", "catalog", CatalogTarget.All, UnknownTarget);
            return new CatalogDocument(
                id,
                Value(catalog, "version", "catalog"),
                Value(catalog, "guideline", "catalog"),
                target ?? "",
                Text(catalog, "title", "catalog"),
                Text(catalog, "description", "catalog"),
                Measures(fields?.GetValueOrDefault("measures")));
        }

        private List<CatalogMeasure> Measures(Field? field)
        {
            if (List(field, "the file") is not { } list)
            {
                return [];
            }

            if (list.Items.Count == 0)
            {
                Report(field!.Key, NoMeasures, "'measures' must list at least one measure");
            }

            var measures = new List<CatalogMeasure>();
            for (var i = 0; i < list.Items.Count; i++)
            {
                var what = PeekId(list.Items[i]) is { } peeked ? $"measure {peeked}" : $"measure #{i + 1}";
                var pms = Peek(list.Items[i], "category") == MeasureCategory.Pms;
                var fields = Map(list.Items[i], what, MeasureKeys, optional: pms ? OptionalPmsMeasureKeys : OptionalMeasureKeys);
                var id = Value(fields, "id", what);
                if (id.Length > 0)
                {
                    var at = fields!["id"].Value;
                    if (!MeasureIdPattern().IsMatch(id))
                    {
                        Report(at, BadId, $"measure id '{id}' must be UPPERCASE letters, a hyphen and a number, e.g. BR-1");
                    }
                    else if (!measureLines.TryAdd(id, at.Line))
                    {
                        Report(at, DuplicateId, $"measure id '{id}' is used twice (first at line {measureLines[id]})");
                    }
                }

                var category = Choice(fields, "category", what, MeasureCategory.All, UnknownCategory);
                if (category is not null && target is not null)
                {
                    CheckCategoryFitsTarget(fields!["category"].Value, category, what);
                }

                measures.Add(new CatalogMeasure(
                    id,
                    category ?? "",
                    Text(fields, "title", what),
                    Text(fields, "description", what),
                    Choice(fields, "recurrence", what, Recurrence.All, UnknownRecurrence) ?? "",
                    IsoControls(fields?.GetValueOrDefault("iso27001"), what),
                    fields?.ContainsKey("statement") == true ? Text(fields, "statement", what) : new LocalizedText("", ""),
                    Items(fields?.GetValueOrDefault("items"), id, what, pms),
                    AppiIds(fields?.GetValueOrDefault("appi"), what)));
            }

            return measures;
        }

        private void CheckCategoryFitsTarget(YamlTree.Node at, string category, string what)
        {
            if (target == CatalogTarget.Contractors && category != MeasureCategory.ContractorSupervision)
            {
                Report(at, CategoryNotForTarget,
                    $"{what} has category '{category}', but a catalog with target 'contractors' may only hold '{MeasureCategory.ContractorSupervision}' measures");
            }
            else if (target == CatalogTarget.Departments && category == MeasureCategory.ContractorSupervision)
            {
                Report(at, CategoryNotForTarget,
                    $"{what} has category '{category}', which belongs in a catalog with target 'contractors' (answered once per contractor); this catalog's target is 'departments'");
            }
        }

        private List<string> IsoControls(Field? field, string what)
        {
            if (List(field, what) is not { } list)
            {
                return [];
            }

            if (list.Items.Count == 0)
            {
                Report(field!.Key, NoIsoControl, $"'iso27001' of {what} must list at least one ISO/IEC 27001:2022 Annex A control, e.g. [\"5.1\"]");
            }

            var controls = new List<string>();
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var node in list.Items)
            {
                if (Scalar(node, $"an entry of 'iso27001' of {what}") is not { } scalar)
                {
                    continue;
                }

                var id = scalar.Value;
                if (!Iso27001.IsControl(id))
                {
                    Report(scalar, UnknownIsoControl,
                        $"'{id}' in 'iso27001' of {what} is not an ISO/IEC 27001:2022 Annex A control: Annex A ids are {Iso27001.Ranges}, written one by one (mention clauses such as 9.2 in the description)");
                }
                else if (!seen.TryAdd(id, scalar.Line))
                {
                    Report(scalar, DuplicateIsoControl, $"'{id}' is listed twice in 'iso27001' of {what}");
                }

                controls.Add(id);
            }

            return controls;
        }

        private List<string> AppiIds(Field? field, string what)
        {
            if (List(field, what) is not { } list)
            {
                return [];
            }

            if (list.Items.Count == 0)
            {
                Report(field!.Key, NoAppiMeasure, $"'appi' of {what} must list at least one APPI measure id, e.g. [\"TEC-1\"], or be left out");
            }

            var ids = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var node in list.Items)
            {
                if (Scalar(node, $"an entry of 'appi' of {what}") is not { } scalar)
                {
                    continue;
                }

                var id = scalar.Value;
                if (!AppiMeasures.Ids.Contains(id))
                {
                    Report(scalar, UnknownAppiMeasure,
                        $"'{id}' in 'appi' of {what} is not a measure of the built-in APPI catalogs; use one of: {string.Join(", ", AppiMeasures.Ids)}");
                }
                else if (!seen.Add(id))
                {
                    Report(scalar, DuplicateAppiMeasure, $"'{id}' is listed twice in 'appi' of {what}");
                }

                ids.Add(id);
            }

            return ids;
        }

        private string Clause(Dictionary<string, Field>? fields, string what)
        {
            if (fields?.GetValueOrDefault("clause") is not { } field)
            {
                return "";
            }

            var clause = Value(fields, "clause", what);
            if (clause.Length > 0 && (clause.Length > MaxClauseLength || !ClausePattern().IsMatch(clause)))
            {
                Report(field.Value, BadClause,
                    $"'{Shorten(clause)}' is not a clause number for 'clause' of {what}: write the number of the clause or Annex item it checks, e.g. \"9.2\" or \"A.3.4.2.1\" (in quotes)");
            }

            return clause;
        }

        private List<CatalogCheckItem> Items(Field? field, string measureId, string measureWhat, bool pms)
        {
            if (List(field, measureWhat) is not { } list)
            {
                return [];
            }

            if (list.Items.Count is < MinItems or > MaxItems)
            {
                Report(field!.Key, ItemCount, $"{measureWhat} has {list.Items.Count} check items; a measure needs {MinItems} to {MaxItems}");
            }

            var items = new List<CatalogCheckItem>();
            for (var i = 0; i < list.Items.Count; i++)
            {
                var what = PeekId(list.Items[i]) is { } peeked ? $"item {peeked}" : $"item #{i + 1} of {measureWhat}";
                var fields = Map(list.Items[i], what, ItemKeys, optional: OptionalItemKeys);
                if (pms && fields is not null && !fields.ContainsKey("clause"))
                {
                    Report(list.Items[i], MissingClause, $"{what} is missing the key 'clause': every item of a 'pms' measure names the clause it checks, e.g. clause: \"9.2\"");
                }

                var id = Value(fields, "id", what);
                if (id.Length > 0)
                {
                    var at = fields!["id"].Value;
                    var match = ItemIdPattern().Match(id);
                    var example = MeasureIdPattern().IsMatch(measureId) ? $"{measureId}.1, {measureId}.2, ..." : "BR-1.1, BR-1.2, ...";
                    if (!match.Success || !MeasureIdPattern().IsMatch(match.Groups["measure"].Value))
                    {
                        Report(at, BadId, $"item id '{id}' must be the measure id, a dot and a number: {example}");
                    }
                    else if (MeasureIdPattern().IsMatch(measureId) && match.Groups["measure"].Value != measureId)
                    {
                        Report(at, BadId, $"item id '{id}' must start with the id of its measure: {example}");
                    }
                    else if (!itemLines.TryAdd(id, at.Line))
                    {
                        Report(at, DuplicateId, $"item id '{id}' is used twice (first at line {itemLines[id]})");
                    }
                }

                items.Add(new CatalogCheckItem(
                    id,
                    Text(fields, "question", what),
                    Text(fields, "guidance", what),
                    Text(fields, "evidence", what),
                    Boolean(fields, "small_business", what),
                    Clause(fields, what)));
            }

            return items;
        }

        private LocalizedText Text(Dictionary<string, Field>? fields, string key, string what)
        {
            if (fields?.GetValueOrDefault(key) is not { } field)
            {
                return new LocalizedText("", "");
            }

            var textWhat = $"'{key}' of {what}";
            if (field.Value is YamlTree.Scalar { IsEmpty: true })
            {
                Report(field.Key, MissingText, $"{textWhat} has no text: give a Japanese text (ja:) and an English text (en:)");
                return new LocalizedText("", "");
            }

            var texts = Map(field.Value, textWhat, TextKeys, MissingText, field.Key, "a Japanese text (ja:) and an English text (en:)");
            string Language(string language, string name)
            {
                if (texts?.GetValueOrDefault(language) is not { } text || Scalar(text.Value, $"'{language}' of {textWhat}") is not { } scalar)
                {
                    return "";
                }

                if (scalar.IsEmpty)
                {
                    Report(text.Key, EmptyText, $"the {name} text of {textWhat} is empty");
                    return "";
                }

                return scalar.Value;
            }

            return new LocalizedText(Language("ja", "Japanese"), Language("en", "English"));
        }

        /// <summary>A required single value; "" (reported) when it is missing, empty or not a single value.</summary>
        private string Value(Dictionary<string, Field>? fields, string key, string what)
        {
            if (fields?.GetValueOrDefault(key) is not { } field || Scalar(field.Value, $"'{key}' of {what}") is not { } scalar)
            {
                return "";
            }

            if (scalar.IsEmpty)
            {
                Report(field.Key, EmptyValue, $"'{key}' of {what} is empty");
                return "";
            }

            return scalar.Value;
        }

        private string? Choice(Dictionary<string, Field>? fields, string key, string what, IReadOnlyList<string> allowed, string code)
        {
            var value = Value(fields, key, what);
            if (value.Length == 0)
            {
                return null;
            }

            if (!allowed.Contains(value))
            {
                Report(fields![key].Value, code, $"'{value}' is not a valid {key} for {what}; use one of: {string.Join(", ", allowed)}");
                return null;
            }

            return value;
        }

        private bool Boolean(Dictionary<string, Field>? fields, string key, string what)
        {
            if (fields?.GetValueOrDefault(key) is not { } field || Scalar(field.Value, $"'{key}' of {what}") is not { } scalar)
            {
                return false;
            }

            if (scalar is { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: "true" or "false" })
            {
                return scalar.Value == "true";
            }

            var shown = scalar.IsEmpty ? "empty" : $"'{scalar.Value}'";
            Report(scalar.IsEmpty ? field.Key : scalar, NotBoolean, $"'{key}' of {what} must be true or false (without quotes), not {shown}");
            return false;
        }

        private YamlTree.Sequence? List(Field? field, string what)
        {
            switch (field?.Value)
            {
                case null or YamlTree.Alias:
                    return null;
                case YamlTree.Sequence sequence:
                    return sequence;
                default:
                    Report(field.Value, WrongKind, $"'{field.Key.Value}' of {what} must be a list, not {Describe(field.Value)}");
                    return null;
            }
        }

        private YamlTree.Scalar? Scalar(YamlTree.Node node, string what)
        {
            switch (node)
            {
                case YamlTree.Alias:
                    return null;
                case YamlTree.Scalar scalar:
                    return scalar;
                default:
                    Report(node, WrongKind, $"{what} must be a single value, not {Describe(node)}");
                    return null;
            }
        }

        /// <summary>
        /// The keys of a mapping. Reports unknown, duplicate and missing keys (every key listed is
        /// required); null when the node is not a mapping.
        /// </summary>
        private Dictionary<string, Field>? Map(
            YamlTree.Node? node, string what, string[] keys, string missingCode = MissingKey, YamlTree.Node? missingAt = null, string? expected = null,
            string[]? optional = null)
        {
            if (node is null or YamlTree.Alias)
            {
                return null;
            }

            if (node is not YamlTree.Mapping mapping)
            {
                expected ??= $"a mapping with the keys {string.Join(", ", keys)}";
                Report(node, WrongKind, $"{what} must be {expected}, not {Describe(node)}");
                return null;
            }

            var fields = new Dictionary<string, Field>(StringComparer.Ordinal);
            foreach (var (keyNode, value) in mapping.Entries)
            {
                if (keyNode is not YamlTree.Scalar key)
                {
                    if (keyNode is not YamlTree.Alias)
                    {
                        Report(keyNode, WrongKind, $"a key in {what} must be a single word, not {Describe(keyNode)}");
                    }

                    continue;
                }

                if (!keys.Contains(key.Value))
                {
                    Report(key, UnknownKey, $"unknown key '{key.Value}' in {what}; the keys are: {string.Join(", ", keys)}");
                }
                else if (fields.TryGetValue(key.Value, out var first))
                {
                    Report(key, DuplicateKey, $"key '{key.Value}' appears twice in {what} (first at line {first.Key.Line})");
                }
                else
                {
                    fields.Add(key.Value, new Field(key, value));
                }
            }

            var missing = keys.Where(k => !fields.ContainsKey(k) && optional?.Contains(k) != true).Select(k => $"'{k}'").ToList();
            if (missing.Count > 0)
            {
                var list = missing.Count == 1 ? $"the key {missing[0]}" : $"the keys {string.Join(", ", missing[..^1])} and {missing[^1]}";
                Report(missingAt ?? node, missingCode, $"{what} is missing {list}");
            }

            return fields;
        }

        /// <summary>The id of a measure or item, if written, to name it in messages.</summary>
        private static string? PeekId(YamlTree.Node node) => Peek(node, "id");

        /// <summary>A single value of a mapping, if written, before the mapping is checked.</summary>
        private static string? Peek(YamlTree.Node node, string key) =>
            node is YamlTree.Mapping mapping
            && mapping.Entries.FirstOrDefault(e => e.Key is YamlTree.Scalar k && k.Value == key).Value is YamlTree.Scalar { IsEmpty: false } value
                ? value.Value
                : null;

        private static string Describe(YamlTree.Node node) => node switch
        {
            YamlTree.Mapping => "a mapping (key: value lines)",
            YamlTree.Sequence => "a list",
            YamlTree.Scalar { IsEmpty: true } => "an empty value",
            YamlTree.Scalar scalar => $"the value '{Shorten(scalar.Value)}'",
            _ => "an alias",
        };

        private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "...";

        private void Report(YamlTree.Node at, string code, string message) =>
            problems.Add(new CatalogProblem(file, at.Line, at.Column, code, message));
    }
}

using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Controls.Web.Features.Catalog;

/// <summary>
/// A YAML document as plain nodes with their 1-based positions, built from YamlDotNet's low-level
/// parser. Unlike YamlStream it keeps duplicate keys (so they can be reported), refuses aliases,
/// and builds without recursion (YamlStream overflows the stack on a deeply nested file).
/// </summary>
internal static class YamlTree
{
    /// <summary>
    /// A catalog nests 6 levels (file, measures, measure, items, item, text). YamlDotNet slows down
    /// quadratically with nesting (20,000 levels of "[" take seconds), so stop well before.
    /// </summary>
    public const int MaxDepth = 20;

    public abstract record Node(int Line, int Column);

    public sealed record Scalar(int Line, int Column, string Value, ScalarStyle Style) : Node(Line, Column)
    {
        /// <summary>Nothing written, or a plain null (<c>~</c>, <c>null</c>): YAML reads these as no value.</summary>
        public bool IsEmpty => string.IsNullOrWhiteSpace(Value)
            || (Style == ScalarStyle.Plain && Value is "~" or "null" or "Null" or "NULL");
    }

    public sealed record Sequence(int Line, int Column, List<Node> Items) : Node(Line, Column);

    public sealed record Mapping(int Line, int Column, List<(Node Key, Node Value)> Entries) : Node(Line, Column);

    /// <summary>An alias (<c>*name</c>); already reported, readers skip it.</summary>
    public sealed record Alias(int Line, int Column) : Node(Line, Column);

    private sealed class Open(Node node)
    {
        public Node Node { get; } = node;
        public Node? PendingKey { get; set; }
    }

    /// <summary>The first document's root node, or null when the file has none or cannot be read as YAML (then a problem says why).</summary>
    public static Node? Load(string file, string text, List<CatalogProblem> problems)
    {
        Node? root = null;
        var open = new Stack<Open>();
        var documents = 0;
        var parser = new Parser(new StringReader(text));

        void Add(Node node)
        {
            if (open.Count == 0)
            {
                root = node;
                return;
            }

            var top = open.Peek();
            if (top.Node is Sequence sequence)
            {
                sequence.Items.Add(node);
            }
            else if (top.PendingKey is null)
            {
                top.PendingKey = node;
            }
            else
            {
                ((Mapping)top.Node).Entries.Add((top.PendingKey, node));
                top.PendingKey = null;
            }
        }

        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                var (line, column) = Position(current.Start);
                switch (current)
                {
                    case DocumentStart:
                        documents++;
                        if (documents > 1)
                        {
                            problems.Add(new(file, line, column, CatalogProblemCode.MultipleDocuments,
                                "the file must hold one YAML document: remove the '---' line and what follows, or split it into two files"));
                            return root;
                        }

                        break;
                    case MappingStart or SequenceStart when open.Count == MaxDepth:
                        problems.Add(new(file, line, column, CatalogProblemCode.TooDeep,
                            $"the file is nested more than {MaxDepth} levels deep; a catalog needs 6"));
                        return null;
                    case MappingStart:
                        var mapping = new Mapping(line, column, []);
                        Add(mapping);
                        open.Push(new Open(mapping));
                        break;
                    case SequenceStart:
                        var sequence = new Sequence(line, column, []);
                        Add(sequence);
                        open.Push(new Open(sequence));
                        break;
                    case MappingEnd or SequenceEnd:
                        open.Pop();
                        break;
                    case YamlDotNet.Core.Events.Scalar scalar:
                        Add(new Scalar(line, column, scalar.Value, scalar.Style));
                        break;
                    case AnchorAlias:
                        problems.Add(new(file, line, column, CatalogProblemCode.YamlAlias,
                            "aliases (*name) are not supported in a catalog: write the value out in full"));
                        Add(new Alias(line, column));
                        break;
                }
            }
        }
        catch (YamlException e)
        {
            problems.Add(SyntaxProblem(file, text, e));
            return null;
        }

        return root;
    }

    private static (int Line, int Column) Position(Mark mark) =>
        ((int)Math.Clamp(mark.Line, 1, int.MaxValue), (int)Math.Clamp(mark.Column, 1, int.MaxValue));

    private static CatalogProblem SyntaxProblem(string file, string text, YamlException e)
    {
        var message = e.Message.TrimEnd('.');
        if (message.Contains("tab", StringComparison.OrdinalIgnoreCase) && FirstTabIndent(text) is var (tabLine, tabColumn))
        {
            // YamlDotNet points at the enclosing mapping; the tab itself is more useful.
            return new(file, tabLine, tabColumn, CatalogProblemCode.YamlSyntax, "a tab is used for indentation: indent with spaces only");
        }

        var hint = message.Contains("invalid mapping", StringComparison.Ordinal)
            ? " (a text that contains ': ' must be in double quotes; otherwise check the indentation)"
            : "";
        var (line, column) = Position(e.Start);
        return new(file, line, column, CatalogProblemCode.YamlSyntax, $"invalid YAML: {message}{hint}");
    }

    private static (int Line, int Column)? FirstTabIndent(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var content = line.TrimStart(' ', '\t');
            var indent = line[..(line.Length - content.Length)];
            if (indent.Contains('\t') && content.Length > 0 && !content.StartsWith('#'))
            {
                return (i + 1, indent.IndexOf('\t') + 1);
            }
        }

        return null;
    }
}

using System.Reflection;
using Controls.Web.Domain;
using NetArchTest.Rules;

namespace Controls.Tests.Architecture;

/// <summary>
/// The shape of the code (docs/adr/0018-shared-pieces-outside-features.md): feature folders never
/// depend on each other in a circle, the entities depend on nothing but themselves, the database layer
/// knows no feature, and the cross-cutting pieces know no feature either.
/// </summary>
public class ArchitectureTests
{
    private const string Web = "Controls.Web";
    private const string Features = Web + ".Features";

    private static readonly Assembly App = typeof(Inspection).Assembly;

    /// <summary>The app's types, read once (reading the assembly is the slow part).</summary>
    private static readonly Types AppTypes = Types.InAssembly(App);

    [Fact]
    public void Feature_folders_do_not_depend_on_each_other_in_a_circle()
    {
        var graph = FeatureGraph();
        var cycles = Cycles(graph);

        Assert.True(cycles.Count == 0,
            "Feature folders depend on each other in a circle:\n"
            + string.Join("\n", cycles.Select(cycle => "  " + string.Join(" → ", cycle) + "\n" + Explain(cycle))));
    }

    [Fact]
    public void The_entities_depend_on_no_database_feature_or_infrastructure_code() =>
        AssertNoDependency(AppTypes.That().ResideInNamespace(Web + ".Domain"),
            Web + ".Data", Web + ".Features", Web + ".Infrastructure");

    [Fact]
    public void The_database_layer_depends_on_no_feature() =>
        AssertNoDependency(AppTypes.That().ResideInNamespace(Web + ".Data"), Features);

    [Fact]
    public void Infrastructure_depends_on_no_feature()
    {
        // The composition root (App/) and the seeders (Seeding/) know the features; Infrastructure does not.
        AssertNoDependency(AppTypes.That().ResideInNamespace(Web + ".Infrastructure"), Features);
    }

    /// <summary>
    /// A department head's work on an inspection — answering, evidence, improvement actions,
    /// submitting — and the review of it are the Inspections folder's own classes over Domain, Data
    /// and the shared pieces: none of them reaches into another feature. (Its pages may link to
    /// others, e.g. the answer sheet to the ledger; page models and views are left out.)
    /// </summary>
    [Fact]
    public void The_inspection_workflow_uses_no_other_feature()
    {
        var others = FeatureGraph().Keys.Where(f => f != "Inspections").Select(f => Features + "." + f).ToArray();
        var workflow = AppTypes.That().ResideInNamespace(Features + ".Inspections").GetTypes()
            .Where(t => !typeof(Microsoft.AspNetCore.Mvc.RazorPages.PageModel).IsAssignableFrom(Outermost(t))
                && !typeof(Microsoft.AspNetCore.Mvc.Razor.IRazorPage).IsAssignableFrom(Outermost(t))).ToList();
        Assert.Contains(workflow, t => t.Name == "SubmitInspection");
        var reaching = AppTypes.That().ResideInNamespace(Features + ".Inspections").And().HaveDependencyOnAny(others).GetTypes()
            .Where(workflow.Contains).Select(t => t.FullName).ToList();
        Assert.True(reaching.Count == 0, "Uses another feature:\n  " + string.Join("\n  ", reaching));
    }

    private static void AssertNoDependency(PredicateList types, params string[] namespaces)
    {
        var result = types.ShouldNot().HaveDependencyOnAny(namespaces).GetResult();
        Assert.True(result.IsSuccessful,
            "Depends on " + string.Join(" or ", namespaces) + ":\n  " + string.Join("\n  ", result.FailingTypeNames ?? []));
    }

    /// <summary>Each feature folder and the feature folders its types (page models, classes and compiled views) use.</summary>
    internal static Dictionary<string, SortedSet<string>> FeatureGraph()
    {
        var features = App.GetTypes().Select(FeatureOf).OfType<string>().ToHashSet();
        // HaveDependencyOn matches a namespace prefix: no folder's name may begin another's.
        Assert.DoesNotContain(features, f => features.Any(other => other != f && other.StartsWith(f, StringComparison.Ordinal)));
        var graph = features.ToDictionary(f => f, _ => new SortedSet<string>(StringComparer.Ordinal));
        foreach (var used in features)
        {
            var users = AppTypes.That().HaveDependencyOn(Features + "." + used).GetTypes();
            foreach (var user in users.Select(FeatureOf).OfType<string>().Where(f => f != used))
            {
                graph[user].Add(used);
            }
        }

        return graph;
    }

    /// <summary>The types of one feature that use another (for the failure message).</summary>
    internal static string Explain(IReadOnlyList<string> cycle) =>
        string.Join("\n", cycle.Zip(cycle.Skip(1)).Select(edge =>
            "    " + edge.First + " → " + edge.Second + ": " + string.Join(", ",
                AppTypes.That().HaveDependencyOn(Features + "." + edge.Second).GetTypes()
                    .Where(t => FeatureOf(t) == edge.First).Select(t => t.FullName!.Split('+')[0]).Distinct().Order().Take(6))));

    /// <summary>The feature folder a type belongs to: Controls.Web.Features.X…, or a view compiled from Features/X/….</summary>
    internal static string? FeatureOf(Type type)
    {
        var name = (type.DeclaringType is { } outer ? Outermost(outer) : type).FullName ?? "";
        if (name.StartsWith(Features + ".", StringComparison.Ordinal))
        {
            var rest = name[(Features.Length + 1)..].Split('.');
            return rest.Length > 1 ? rest[0] : null;
        }

        const string View = "AspNetCoreGeneratedDocument.Features_";
        if (name.StartsWith(View, StringComparison.Ordinal))
        {
            var rest = name[View.Length..].Split('_');
            return rest.Length > 1 && rest[0].Length > 0 ? rest[0] : null;
        }

        return null;
    }

    private static Type Outermost(Type type) => type.DeclaringType is { } outer ? Outermost(outer) : type;

    /// <summary>
    /// The circles in the graph, each as a path that ends where it starts (A → B → A): for every group
    /// of folders that reach each other, the shortest circle through each of its folders.
    /// </summary>
    internal static List<List<string>> Cycles(Dictionary<string, SortedSet<string>> graph)
    {
        var cycles = new List<List<string>>();
        foreach (var start in graph.Keys.Order(StringComparer.Ordinal))
        {
            if (ShortestPath(graph, graph[start], start) is not { } back)
            {
                continue;
            }

            List<string> cycle = [start, .. back];
            var rotations = Enumerable.Range(0, cycle.Count - 1).Select(i => string.Join(">", cycle.Skip(i).Take(cycle.Count - 1 - i).Concat(cycle.Take(i))));
            if (!cycles.Any(known => rotations.Contains(string.Join(">", known.Take(known.Count - 1)))))
            {
                cycles.Add(cycle);
            }
        }

        return cycles;
    }

    /// <summary>The shortest path from one of <paramref name="from"/> to <paramref name="to"/> (breadth first), or null.</summary>
    private static List<string>? ShortestPath(Dictionary<string, SortedSet<string>> graph, IEnumerable<string> from, string to)
    {
        var previous = new Dictionary<string, string?>();
        var queue = new Queue<string>();
        foreach (var node in from)
        {
            previous[node] = null;
            queue.Enqueue(node);
        }

        while (queue.TryDequeue(out var node))
        {
            if (node == to)
            {
                var path = new List<string>();
                for (string? at = node; at is not null; at = previous[at])
                {
                    path.Insert(0, at);
                }

                return path;
            }

            foreach (var next in graph[node].Where(next => !previous.ContainsKey(next)))
            {
                previous[next] = node;
                queue.Enqueue(next);
            }
        }

        return null;
    }
}

namespace Controls.Tests.Architecture;
public class DumpGraph
{
    [Fact]
    public void Dump()
    {
        var g = ArchitectureTests.FeatureGraph();
        var lines = g.OrderBy(k => k.Key).Select(k => k.Key + " -> " + string.Join(", ", k.Value)).ToList();
        lines.Add("");
        lines.AddRange(ArchitectureTests.Cycles(g).Select(c => string.Join(" -> ", c)));
        lines.Add("");
        foreach (var (k, v) in g.OrderBy(k => k.Key)) foreach (var u in v) lines.Add(ArchitectureTests.Explain([k, u]));
        File.WriteAllLines("/tmp/shared-graph.txt", lines);
    }
}

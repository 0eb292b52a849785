namespace Controls.IntegrationTests.Infrastructure;

public static class RepositoryRoot
{
    /// <summary>The folder holding Controls.sln, found by walking up from the test binaries.</summary>
    public static string Path
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "Controls.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("Controls.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);
}

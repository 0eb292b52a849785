using Controls.IntegrationTests.Infrastructure;
using Controls.Web.App;
using Controls.Web.Features.Catalog;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Controls.IntegrationTests;

/// <summary>
/// A fresh install has the built-in catalogs whichever way it was installed: they ship beside the
/// app, `db migrate` (docker's migrate container) imports them, and so does a SQLite app's start.
/// </summary>
public class BuiltInCatalogsTests(ControlsApp app) : IClassFixture<ControlsApp>
{
    [Fact]
    public void The_built_in_catalogs_ship_beside_the_app()
    {
        var shipped = BuiltInCatalogs.Files().Select(f => (Path.GetFileName(f), File.ReadAllText(f))).ToList();
        var repository = Directory.GetFiles(RepositoryRoot.File("checklists"), "*.yaml").Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), File.ReadAllText(f))).ToList();
        Assert.NotEmpty(repository);
        Assert.Equal(repository, shipped);
    }

    [Fact]
    public async Task Db_migrate_on_a_fresh_database_imports_them_and_a_second_run_changes_nothing()
    {
        Assert.False(await app.QueryAsync(db => db.Catalogs.AnyAsync()));

        var first = new StringWriter();
        Assert.Equal(0, await CommandLine.RunAsync(app.Services, ["db", "migrate"], new StringReader(""), first, new StringWriter()));
        Assert.Contains("built-in catalog appi-security-measures: imported 1", first.ToString());
        Assert.Contains("built-in catalog jisq15001-pms: imported 1 (22 measures, 76 items)", first.ToString());
        var catalogs = await app.QueryAsync(db => db.Catalogs.Where(c => c.IsBuiltIn).Select(c => c.Key).OrderBy(k => k).ToListAsync());
        Assert.Equal(["appi-contractor-supervision", "appi-security-measures", "jisq15001-pms"], catalogs);

        var second = new StringWriter();
        Assert.Equal(0, await CommandLine.RunAsync(app.Services, ["db", "migrate"], new StringReader(""), second, new StringWriter()));
        Assert.DoesNotContain("built-in catalog", second.ToString());
        Assert.Equal(3, await app.QueryAsync(db => db.CatalogVersions.CountAsync()));
    }
}

/// <summary>`dotnet run --project src/Controls.Web` on a fresh SQLite file: the app migrates and imports the catalogs.</summary>
public class BuiltInCatalogsOnStartTests(BuiltInCatalogsOnStartTests.App app) : IClassFixture<BuiltInCatalogsOnStartTests.App>
{
    public sealed class App : ControlsApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting(BuiltInCatalogs.ImportOnStartKey, "true");
        }
    }

    [SqliteFact]
    public async Task A_SQLite_app_has_the_built_in_catalogs_once_it_has_started()
    {
        var catalogs = await app.QueryAsync(db => db.Catalogs.Where(c => c.IsBuiltIn).Select(c => c.Key).OrderBy(k => k).ToListAsync());
        Assert.Equal(["appi-contractor-supervision", "appi-security-measures", "jisq15001-pms"], catalogs);
    }
}

using Controls.Web.App;

// `Controls.Web <verb> …` runs an admin command (scripts/controls); no verb serves the app.
var command = CommandLine.IsCommand(args);
var builder = WebApplication.CreateBuilder(command ? [] : args);
builder.AddDatabase(serving: !command);
builder.AddAccounts();
builder.AddPages();
builder.AddFeatures();
builder.AddSeeding(command);
builder.AddScheduler(runJobs: !command && builder.Configuration.GetValue(AppSetup.RunJobsKey, true));
var app = builder.Build();

if (command)
{
    return await CommandLine.RunAsync(app.Services, args, Console.In, Console.Out, Console.Error);
}

await app.MigrateSqliteOnStartAsync();
app.UseControls();
await app.RunAsync();
return 0;

public partial class Program;

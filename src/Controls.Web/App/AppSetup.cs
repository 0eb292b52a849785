using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Actions;
using Controls.Web.Features.Admin;
using Controls.Web.Features.Audits;
using Controls.Web.Features.Catalog;
using Controls.Web.Features.Contractors;
using Controls.Web.Features.Dashboard;
using Controls.Web.Features.Home;
using Controls.Web.Features.Housekeeping;
using Controls.Web.Features.Incidents;
using Controls.Web.Features.Inspections;
using Controls.Web.Features.Ledger;
using Controls.Web.Features.ManagementReviews;
using Controls.Web.Features.Notifications;
using Controls.Web.Features.Reports;
using Controls.Web.Features.Requests;
using Controls.Web.Features.Schedules;
using Controls.Web.Features.Statement;
using Controls.Web.Features.Training;
using Controls.Web.Infrastructure;
using Controls.Web.Infrastructure.AuditTrail;
using Controls.Web.Infrastructure.Authorization;
using Controls.Web.Infrastructure.DataProtection;
using Controls.Web.Infrastructure.Files;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Mail;
using Controls.Web.Infrastructure.Notifications;
using Controls.Web.Infrastructure.Time;
using Controls.Web.Infrastructure.Web;
using Controls.Web.Jobs;
using Controls.Web.Seeding;
using Hangfire;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Controls.Web.App;

/// <summary>One Add/Use method per concern, so Program.cs stays a table of contents.</summary>
public static class AppSetup
{
    public static DatabaseSettings DatabaseSettings(this WebApplicationBuilder builder) =>
        Data.DatabaseSettings.From(builder.Configuration, builder.Environment.ContentRootPath);

    /// <param name="serving">The web app (not a command-line verb): on SQLite it is the only node.</param>
    public static void AddDatabase(this WebApplicationBuilder builder, bool serving)
    {
        var settings = builder.DatabaseSettings() with { Serving = serving };
        if (serving && settings.IsSqlite)
        {
            // Registered first, so a second node stops before anything else starts.
            builder.Services.AddHostedService<SingleNodeLock>();
        }

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<CurrentActor>();
        builder.Services.AddScoped<AuditTrailInterceptor>();
        builder.Services.AddMemoryCache();
        builder.Services.AddScoped<OrganisationClock>();
        builder.Services.AddControlsDbContext(settings, (services, options) => options
            .AddInterceptors(services.GetRequiredService<AuditTrailInterceptor>()));
        builder.Services.AddDataProtection().SetApplicationName("Controls")
            .PersistKeysEncrypted(builder.Configuration, settings, builder.Environment.ContentRootPath, serving);
    }

    public static void AddAccounts(this WebApplicationBuilder builder)
    {
        builder.Services.AddIdentity<AppUser, AppRole>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 12;
                o.Password.RequiredUniqueChars = 5;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddUserStore<ProtectedUserStore>()
            .AddSignInManager<ControlsSignInManager>()
            .AddClaimsPrincipalFactory<ControlsClaimsFactory>()
            .AddErrorDescriber<LocalizedIdentityErrors>()
            .AddDefaultTokenProviders();
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "controls.auth";
            o.LoginPath = "/Account/SignIn";
            o.LogoutPath = "/Account/SignOut";
            Sessions.Configure(o, builder.Configuration);
            // A signed-in user without the right role gets a 403 page, not a redirect.
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        builder.Services.AddAuthorization(PageAccess.AddPolicies);
        builder.Services.Configure<ForwardedHeadersOptions>(o => Sessions.ConfigureForwardedHeaders(o, builder.Configuration));
        builder.Services.AddRateLimits(builder.Configuration);
        builder.Services.AddHostedService<EncryptStoredTokens>();
    }

    public static void AddPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture(Languages.Japanese).AddSupportedCultures(Languages.Supported).AddSupportedUICultures(Languages.Supported);
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        builder.Services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                PageAccess.AddConventions(o.Conventions);
                o.Conventions.ConfigureFilter(new TwoFactorEnrolmentFilter());
                o.Conventions.AddPageApplicationModelConvention("/Account/SignIn", page => page.Filters.Add(new AccessTrail.UnknownAccountFilter()));
                o.Conventions.ConfigureFilter(new Microsoft.AspNetCore.Mvc.ServiceFilterAttribute(typeof(ControlCharacters.PageFilter)));
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        builder.Services.AddSingleton<IConfigureOptions<Microsoft.AspNetCore.Mvc.MvcOptions>, LocalizedModelBindingMessages>();
        builder.Services.AddScoped<ControlCharacters.PageFilter>();
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "controls.antiforgery";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = Sessions.SecurePolicy(builder.Configuration);
        });
        // Japanese text is written as characters, not as numeric entities.
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
    }

    /// <summary>
    /// The seeders only where they are asked for: a command-line verb (seed demo, seed bench, users
    /// create-admin) or the demo switch; the served app runs without them.
    /// </summary>
    public static void AddSeeding(this WebApplicationBuilder builder, bool command)
    {
        if (command || SeedingSetup.DemoEnabled(builder.Configuration))
        {
            builder.Services.AddSeeders();
        }
    }

    /// <summary>The plain classes that do the features' work, used by pages, jobs and commands.</summary>
    public static void AddFeatures(this WebApplicationBuilder builder)
    {
        // The pieces the features share.
        builder.Services.AddScoped<VerifyAuditTrail>();
        builder.Services.AddScoped<DepartmentScope>();
        builder.Services.AddScoped<InspectionAccess>();
        builder.Services.AddEvidenceStore();
        builder.Services.AddSingleton<Infrastructure.Excel.ImportGate>();
        builder.Services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IMailSender, SmtpMailSender>();
        builder.Services.AddScoped<SendOutbox>();
        builder.Services.AddScoped<Notifier>();

        // Each feature registers its own (Features/<Feature>/<Feature>Feature.cs; docs/adr/0019).
        builder.Services
            .AddActions()
            .AddAdmin()
            .AddAudits()
            .AddCatalog()
            .AddContractors()
            .AddDashboard()
            .AddHome()
            .AddHousekeeping()
            .AddIncidents()
            .AddInspections()
            .AddLedger()
            .AddManagementReviews()
            .AddRequests()
            .AddNotifications()
            .AddReports()
            .AddSchedules()
            .AddStatement()
            .AddTraining();
    }

    /// <summary>Set to false to serve without running jobs on this node (the form fuzzer's app: a job firing on the hour would change rows under it).</summary>
    public const string RunJobsKey = "Scheduler:RunJobs";

    /// <summary>
    /// Hangfire (docs/adr/0009): the job store follows the database provider — its own SQLite file
    /// beside the database, or the app's PostgreSQL database in the schema <c>hangfire</c>. Storage,
    /// activator and filters are this app's own services, never Hangfire's process-wide defaults.
    /// The command line (<paramref name="runJobs"/> false) starts no server.
    /// </summary>
    public static void AddScheduler(this WebApplicationBuilder builder, bool runJobs)
    {
        // The settings AddDatabase registered: one reading of the configuration for the app and its jobs.
        builder.Services.AddSingleton<JobStorage>(services => JobStore.Create(services.GetRequiredService<DatabaseSettings>()));
        builder.Services.AddSingleton<JobActivator>(services => new Hangfire.AspNetCore.AspNetCoreJobActivator(services.GetRequiredService<IServiceScopeFactory>()));
        builder.Services.AddSingleton<JobRunRecorder>();
        builder.Services.AddSingleton<Hangfire.Common.IJobFilterProvider>(services =>
        {
            var own = new Hangfire.Common.JobFilterCollection { services.GetRequiredService<JobRunRecorder>() };
            return new Hangfire.Common.JobFilterProviderCollection(Hangfire.Common.JobFilterProviders.Providers, own);
        });
        builder.Services.AddHangfire((services, c) => c
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HangfireLogging(services.GetRequiredService<ILoggerFactory>())));
        if (runJobs)
        {
            builder.Services.AddHangfireServer(o =>
            {
                o.ServerName = SchedulerHealthCheck.NodeName;
                o.WorkerCount = 5;
            });
            builder.Services.AddHostedService<RegisterRecurringJobs>();
        }

        builder.Services.AddHealthChecks()
            .AddDbContextCheck<AppDbContext>("database")
            .AddCheck<SchedulerHealthCheck>("scheduler");
    }

    /// <summary>
    /// SQLite (one node) brings its database up to date when the app starts, so
    /// <c>dotnet run --project src/Controls.Web</c> serves on a fresh machine, with the built-in
    /// catalogs. PostgreSQL never migrates on start: several nodes would race; a one-shot
    /// <c>db migrate</c> does it, catalogs included (docker/).
    /// </summary>
    public static async Task MigrateSqliteOnStartAsync(this WebApplication app)
    {
        if (app.Services.GetRequiredService<DatabaseSettings>().IsSqlite)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>());
            if (app.Configuration.GetValue(BuiltInCatalogs.ImportOnStartKey, true))
            {
                var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BuiltInCatalogs));
                var catalogs = await BuiltInCatalogs.ImportAsync(scope.ServiceProvider);
                foreach (var problem in catalogs.Problems)
                {
                    logger.LogError("Built-in catalog not imported: {Problem}", problem);
                }

                foreach (var line in BuiltInCatalogs.Describe(catalogs))
                {
                    logger.LogInformation("{Imported}", line);
                }
            }
        }
    }

    public static void UseControls(this WebApplication app)
    {
        // First: the client's address and scheme as the trusted proxy saw them (Sessions.ConfigureForwardedHeaders).
        app.UseForwardedHeaders();
        app.UseExceptionHandler("/Error");
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        if (app.Configuration.GetValue<bool>("Https:Redirect"))
        {
            app.UseHttpsRedirection();
        }

        app.UseSecurityHeaders();
        app.UseRefusedRequestTrail();
        app.UseStatusCodePagesWithReExecute("/StatusCode", "?code={0}");
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseControlCharacterGuard();
        app.UseRouting();
        app.UseAuthentication();
        app.UseRateLimits();
        app.UseAuthorization();
        app.UseJobsDashboardGuard();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync }).AllowAnonymous();
        app.MapRazorPages();
        PageAccess.MapJobsDashboard(app, app.Services.GetRequiredService<JobStorage>());
    }
}

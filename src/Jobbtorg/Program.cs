using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Attendance;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.DistrictMessages;
using Jobbtorg.Features.FollowUp;
using Jobbtorg.Features.Import;
using Jobbtorg.Features.InfoMeetings;
using Jobbtorg.Features.Operations;
using Jobbtorg.Features.Organisation;
using Jobbtorg.Features.Plans;
using Jobbtorg.Features.Referrals;
using Jobbtorg.Features.Reports;
using Jobbtorg.Features.Shared;
using Jobbtorg.Features.Staff;
using Microsoft.AspNetCore.Authentication;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
builder.AddJobbtorgHardening();

builder.Services.AddOptions<JobbtorgOptions>().BindConfiguration("Jobbtorg").ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddJobbtorgDatabase(builder.Configuration, builder.Environment);
builder.Services.AddJobbtorgAccess(builder.Configuration, builder.Environment);
builder.Services.AddJobbtorgStaff();
builder.Services.AddJobbtorgLocalization();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<Texts>();
builder.Services.AddSingleton<OccupationCatalogue>();
builder.Services.AddScoped<DemoData>();
builder.Services.AddScoped<RegisterReferral>();
builder.Services.AddScoped<Caseloads>();
builder.Services.AddScoped<CaseChanges>();
builder.Services.AddScoped<CaseWork>();
builder.Services.AddScoped<EnrolCase>();
builder.Services.AddScoped<AgreePlan>();
builder.Services.AddScoped<PauseCase>();
builder.Services.AddScoped<ResumeCase>();
builder.Services.AddScoped<CloseCase>();
builder.Services.AddScoped<StoredEvents>();
builder.Services.AddSingleton(ImportSpool.From(builder.Configuration, builder.Environment));
builder.Services.AddScoped<CaseEventImport>();
builder.Services.AddScoped<CaseEventExport>();
builder.Services.AddSingleton<ImportProgressBoard>();
builder.Services.AddScoped<Indicators>();
builder.Services.AddScoped<RecordFollowUp>();
builder.Services.AddScoped<BookInfoMeeting>();
builder.Services.AddScoped<RecordMeetingOutcome>();
builder.Services.AddScoped<CancelInfoMeeting>();
builder.Services.AddScoped<ScheduleInfoMeetings>();
builder.Services.AddScoped<SetDistrictQuota>();
builder.Services.AddScoped<ServeWaitingList>();
builder.Services.AddScoped<ReleaseCaseSeat>();
builder.Services.AddScoped<FindNextFreeTime>();
builder.Services.AddHostedService<WaitingListRounds>();
builder.Services.AddScoped<AttendanceRegister>();
builder.Services.AddScoped<AttendanceRounds>();
builder.Services.AddHostedService<AttendanceRoundsService>();
// The sections each feature adds to the case page and the start page, in the order they appear.
builder.Services.AddSingleton<PageSections>();
builder.Services.AddSection<CaseInfoMeetingViewComponent>(SectionPlace.CaseSummary, 10);
builder.Services.AddSection<Jobbtorg.Features.ThreePartyMeetings.CaseThreePartyMeetingsViewComponent>(SectionPlace.CaseSummary, 20);
builder.Services.AddSection<CasePlanViewComponent>(SectionPlace.CaseDetail, 10);
builder.Services.AddSection<CaseAttendanceViewComponent>(SectionPlace.CaseDetail, 20);
builder.Services.AddSection<MyCasesViewComponent>(SectionPlace.StartPage, 10);
builder.Services.AddSection<Jobbtorg.Features.ThreePartyMeetings.UpcomingThreePartyMeetingsViewComponent>(SectionPlace.StartPage, 20);
builder.Services.AddSection<NotRegisteredViewComponent>(SectionPlace.StartPage, 30);
builder.Services.AddSection<AwaitingEnrolmentViewComponent>(SectionPlace.StartPage, 40);
builder.Services.AddSection<UnreadMessagesViewComponent>(SectionPlace.StartPage, 50);
builder.Services.AddSection<DistrictInfoMeetingsViewComponent>(SectionPlace.StartPage, 60);
builder.Services.AddSection<DistrictReferralsViewComponent>(SectionPlace.StartPage, 70);
builder.Services.AddSection<StatusCountsViewComponent>(SectionPlace.StartPage, 80);
builder.Services.AddSection<OverduePlansViewComponent>(SectionPlace.StartPage, 90);
builder.Services.AddSingleton<DistrictEndpoints>();
builder.Services.AddScoped<DistrictOutbox>();
builder.Services.AddHttpClient(OutboxDispatcher.HttpClientName);
builder.Services.AddSingleton<OutboxDispatcher>();
builder.Services.AddHostedService(services => services.GetRequiredService<OutboxDispatcher>());

// Length limits on page models (StringLength…) take their messages from the same translations as the rest of the UI.
builder.Services.AddSingleton<Microsoft.Extensions.Localization.IStringLocalizerFactory, TextsLocalizerFactory>();
builder.Services.AddRazorPages(o => o.RootDirectory = "/Features").AddDataAnnotationsLocalization();
// Swedish letters are written as they are, not as character references.
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
    o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
builder.Services.AddOptions<Microsoft.AspNetCore.Mvc.MvcOptions>().Configure<Texts>((o, texts) =>
{
    // Form values that cannot be read (a malformed date, an unknown choice) are named in the user's language.
    o.ModelBindingMessageProvider.SetAttemptedValueIsInvalidAccessor((value, field) => texts.Format("'{0}' is not a valid value.", value));
    o.ModelBindingMessageProvider.SetValueIsInvalidAccessor(value => texts.Format("'{0}' is not a valid value.", value));
    o.ModelBindingMessageProvider.SetValueMustBeANumberAccessor(field => texts["Enter a number."]);
    // Dates in the accepted range, enumerations by name and text without NUL, in every form and query string.
    o.ModelBinderProviders.Insert(0, new InputBinderProvider());
});
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<RuleBrokenExceptionHandler>();
builder.Services.AddValidation();
builder.Services.ConfigureHttpJsonOptions(o => InputJson.Configure(o.SerializerOptions));
// Unreadable request bodies reach the exception handler, which names the field instead of answering a bare 400.
builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddJobbtorgApiContract();
builder.AddJobbtorgOperations();

var app = builder.Build();

if (args.Contains("migrate"))
{
    await app.MigrateAsync();
    return 0;
}
if (CreateAdminCommand.IsRequested(args))
    return await CreateAdminCommand.RunAsync(app, args, Console.Out, Console.Error);
await app.PrepareDatabaseAsync();
// Import files a stopped process left behind hold personal numbers: they go at start. Uploads the framework buffers on
// disk before the import sees them are kept in the same folder rather than the machine's temp folder.
var spool = app.Services.GetRequiredService<ImportSpool>();
spool.Prepare();
if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_TEMP"))) Environment.SetEnvironmentVariable("ASPNETCORE_TEMP", spool.Folder);

app.UseJobbtorgProxyAndHttps();
app.UseWhen(ctx => ctx.Request.Path.StartsWithSegments("/api"), api =>
{
    api.UseExceptionHandler();
    api.UseStatusCodePages(ApiStatusProblems.WriteAsync);
});
app.UseWhen(ctx => !ctx.Request.Path.StartsWithSegments("/api"), ui =>
{
    ui.UseExceptionHandler("/Error");
    ui.UseStatusCodePagesWithReExecute("/Error", "?status={0}");
});
// Routing after the error handlers, so a re-executed /Error request finds its page.
app.UseRouting();
app.UseRequestLocalization();
app.UseStaticFiles();
app.UseNoStore();
app.UseAuthentication();
app.UseRateLimiter();
app.UseApiAntiforgery();
// Before authorization, so that a provider's request for anything but the day view is refused the same way everywhere.
app.UseProviderBoundary();
app.UseForcedPasswordChange();
app.UseAuthorization();
app.UseInputChecks();
// The API reference's own scripts are served by the library as public files; the reference is for signed-in staff.
app.UseWhen(ctx => ctx.Request.Path.StartsWithSegments("/api/docs"), docs => docs.Use(async (ctx, next) =>
{
    if (ctx.User.Identity?.IsAuthenticated != true || ctx.User.Identity.AuthenticationType == ApiKeyHandler.SchemeName) await ctx.ChallengeAsync();
    else await next();
}));

app.MapRazorPages();
app.MapReferralsApi();
app.MapCasesApi();
app.MapReferenceApi();
app.MapImportApi();
app.MapReportsApi();
app.MapInfoMeetingsApi();
app.MapFollowUpApi();
app.MapOpenApi().RequireAuthorization(Policies.StaffOrAnyKey);
app.MapScalarApiReference("/api/docs").RequireAuthorization(Policies.Staff);
app.MapJobbtorgHealth();

app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
app.Run();
return 0;

public partial class Program;

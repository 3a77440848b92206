using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.AccessLog;
using Jobbtorg.Features.Placements;
using Jobbtorg.Features.Matching;
using Jobbtorg.Features.Programmes;
using Jobbtorg.Features.Assessments;
using Jobbtorg.Features.AccessLog.Review;
using Jobbtorg.Features.AssessmentPrompts;
using Jobbtorg.Features.Attendance;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Consent;
using Jobbtorg.Features.DistrictMessages;
using Jobbtorg.Features.Employers;
using Jobbtorg.Features.FirstAppointments;
using Jobbtorg.Features.FollowUp;
using Jobbtorg.Features.Import;
using Jobbtorg.Features.InfoMeetings;
using Jobbtorg.Features.Operations;
using Jobbtorg.Features.Organisation;
using Jobbtorg.Features.Plans;
using Jobbtorg.Features.Privacy;
using Jobbtorg.Features.ProtectedIdentity;
using Jobbtorg.Features.Referrals;
using Jobbtorg.Features.Reminders;
using Jobbtorg.Features.Reports;
using Jobbtorg.Features.Retention;
using Jobbtorg.Features.Shared;
using Jobbtorg.Features.Staff;
using Jobbtorg.Features.ThreePartyMeetings;
using Jobbtorg.Features.WorkingCalendar;

var builder = WebApplication.CreateBuilder(args);
builder.AddJobbtorgHardening();

builder.Services.AddJobbtorgDatabase(builder.Configuration, builder.Environment);
builder.Services.AddJobbtorgAccess(builder.Configuration, builder.Environment);
builder.Services.AddJobbtorgStaff();
builder.Services.AddJobbtorgLocalization();
builder.Services.AddJobbtorgShared();
// The API reference lists the features' endpoints in this order: referrals and cases first, as districts meet them.
builder.Services.AddReferrals();
builder.Services.AddCases();
builder.Services.AddConsent();
builder.Services.AddOrganisation();
builder.Services.AddAssessmentWork();
builder.Services.AddPlans();
builder.Services.AddEmployers();
builder.Services.AddThreePartyMeetings();
builder.Services.AddAssessmentPrompts();
builder.Services.AddFirstAppointments();
builder.Services.AddPlacements();
builder.Services.AddMatching();
builder.Services.AddProgrammes();
builder.Services.AddImport(builder.Configuration, builder.Environment);
builder.Services.AddReports();
Jobbtorg.Features.Assessments.InstrumentsSetup.AddAssessmentInstruments(builder.Services);
builder.Services.AddFollowUp();
builder.Services.AddInfoMeetings();
builder.Services.AddAttendance();
builder.Services.AddDistrictMessages();
builder.Services.AddReminders();
builder.Services.AddProtectedIdentity();
builder.Services.AddWorkingCalendar();
builder.Services.AddAccessLog();
builder.Services.AddPrivacy();
builder.Services.AddRetention();
builder.Services.AddLogReview();
builder.Services.AddJobbtorgPages();
builder.Services.AddJobbtorgApi();
builder.AddJobbtorgOperations();

var app = builder.Build();

if (args.Contains("migrate"))
{
    await app.MigrateAsync();
    return 0;
}
if (CreateAdminCommand.IsRequested(args))
    return await CreateAdminCommand.RunAsync(app, args, Console.Out, Console.Error);
if (VerifyAccessLogCommand.IsRequested(args))
    return await VerifyAccessLogCommand.RunAsync(app, Console.Out);
await app.PrepareDatabaseAsync();
app.PrepareImportSpool();

app.UseJobbtorgProxyAndHttps();
app.UseJobbtorgErrorAnswers();
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
app.UseAccessLog();
app.UseInputChecks();
app.UseApiReferenceForStaff();

app.MapRazorPages();
app.MapFeatureEndpoints();
app.MapApiReference();
app.MapJobbtorgHealth();

app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
app.Run();
return 0;

public partial class Program;

using Jobbtorg.Features.AccessLog;
using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Organisation;

public static class ReferenceApi
{
    public sealed record DistrictDto(string Code, string Name, string AdultJobCentre, string? YouthJobCentre, bool Retired);
    public sealed record JobCentreDto(string Code, string Name, string? Parent, string? Address);
    public sealed record ActivityTypeDto(string Code, string NameSv, string NameEn, bool RequiresDailyAttendance, bool ExternalProvider);

    public static RouteGroupBuilder MapReferenceApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api").WithTags("Reference data").RequirePermission(Permission.ReadReferenceData).NoPersonalData();

        group.MapGet("/districts", async (JobbtorgDb db, CancellationToken ct) => TypedResults.Ok(
            await db.Districts.OrderBy(d => d.Name).Select(d => new DistrictDto(d.Code, d.Name, d.AdultJobCentre.Code,
                d.YouthJobCentre != null ? d.YouthJobCentre.Code : null, d.RetiredOn != null)).ToListAsync(ct)))
            .WithName("listDistricts")
            .WithSummary("Districts, with the job centres that serve their adults and youth")
            .WithDescription("`code` is what a referral's `district` takes. A retired district takes no new referrals.");

        group.MapGet("/job-centres", async (JobbtorgDb db, CancellationToken ct) =>
        {
            var centres = await db.JobCentres.OrderBy(c => c.Name).ToListAsync(ct);
            return TypedResults.Ok(centres.Select(c => new JobCentreDto(c.Code, c.Name,
                centres.FirstOrDefault(p => p.Id == c.ParentId)?.Code, c.Address)).ToList());
        })
            .WithName("listJobCentres")
            .WithSummary("Job centres and their branches")
            .WithDescription("`parent` is the centre a branch belongs to; `code` is what the info-meeting operations take as `jobCentre`.");

        group.MapGet("/activity-types", async (JobbtorgDb db, CancellationToken ct) => TypedResults.Ok(
            await db.ActivityTypes.OrderBy(a => a.Code).Select(a => new ActivityTypeDto(a.Code, a.NameSv, a.NameEn,
                a.RequiresDailyAttendance, a.ExternalProvider)).ToListAsync(ct)))
            .WithName("listActivityTypes")
            .WithSummary("The activity catalogue of job plans")
            .WithDescription("Whether an activity requires daily attendance, and whether an external provider runs it.");

        group.MapGet("/occupations", (OccupationCatalogue catalogue, string? q) => TypedResults.Ok(catalogue.Search(q, 50).ToList()))
            .WithName("searchOccupations")
            .WithSummary("SSYK 2012 occupation groups matching a code prefix or a word")
            .WithDescription("At most 50 groups whose code starts with `q` or whose name contains it; without `q`, the first 50.");

        return group;
    }
}

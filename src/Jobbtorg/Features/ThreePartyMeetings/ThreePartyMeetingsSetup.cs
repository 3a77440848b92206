using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.ThreePartyMeetings;

public static class ThreePartyMeetingsSetup
{
    /// <summary>Three-party meetings' sections on the case page and the start page.</summary>
    public static IServiceCollection AddThreePartyMeetings(this IServiceCollection services) =>
        services.AddSection<CaseThreePartyMeetingsViewComponent>(SectionPlace.CaseSummary, 20)
            .AddSection<UpcomingThreePartyMeetingsViewComponent>(SectionPlace.StartPage, 20)
            .AddCaseRows<ThreePartyMeeting>();
}

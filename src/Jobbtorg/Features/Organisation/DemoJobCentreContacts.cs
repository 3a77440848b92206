using Jobbtorg.Data;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Features.Organisation;

/// <summary>Visiting addresses, phone numbers and directions for the job centres in Development, so that the demo's
/// invitations look like real ones. The phone numbers are from the range the Swedish Post and Telecom Authority keeps
/// for fiction (08-465 004 00–99). Only empty fields are filled: what an administrator has written stays.</summary>
public static class DemoJobCentreContacts
{
    public static readonly (string Code, string Address, string Phone, string Directions)[] Centres =
    [
        ("varberg", "Vårbergstorget 1, 127 43 Skärholmen", "08-465 004 10",
            "Tunnelbanans röda linje mot Fittja, av vid Vårberg. Ingången ligger vid torget, två minuter från spärrarna."),
        ("farsta", "Farstaplan 9, 123 47 Farsta", "08-465 004 20",
            "Tunnelbanans gröna linje till Farsta centrum. Följ skyltarna mot Farstaplan, ungefär fem minuters promenad."),
        ("rosenlundsgatan", "Rosenlundsgatan 52, 118 63 Stockholm", "08-465 004 30",
            "Pendeltåg till Stockholms södra eller tunnelbana till Mariatorget, sedan cirka fem minuters promenad. Anmäl dig i receptionen."),
        ("vallingby", "Vällingbyplan 2, 162 65 Vällingby", "08-465 004 40",
            "Tunnelbanans gröna linje mot Hässelby strand, av vid Vällingby. Ingången ligger vid Vällingbyplan."),
        ("kista", "Kista allé 5, 164 40 Kista", "08-465 004 50",
            "Tunnelbanans blå linje mot Akalla, av vid Kista. Gå genom Kista Galleria mot Kista allé."),
        ("lunda", "Fagerstagatan 10, 163 53 Spånga", "08-465 004 60",
            "Buss till hållplatsen Lunda. Ingången ligger på gaveln mot Fagerstagatan."),
        ("kista-ungdom", "Kista allé 5, 164 40 Kista", "08-465 004 70",
            "Tunnelbanans blå linje mot Akalla, av vid Kista. Ungdomsjobbtorget har egen ingång, en trappa upp."),
    ];

    public static async Task FillAsync(JobbtorgDb db, CancellationToken ct = default)
    {
        var centres = await db.JobCentres.ToDictionaryAsync(c => c.Code, ct);
        foreach (var (code, address, phone, directions) in Centres)
        {
            if (!centres.TryGetValue(code, out var centre)) continue;
            centre.Address ??= address;
            centre.Phone ??= phone;
            centre.Directions ??= directions;
        }
        await db.SaveChangesAsync(ct);
    }
}

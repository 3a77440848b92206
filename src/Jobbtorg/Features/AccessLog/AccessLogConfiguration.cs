using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jobbtorg.Features.AccessLog;

internal sealed class AccessLogEntryConfiguration : IEntityTypeConfiguration<AccessLogEntry>
{
    public void Configure(EntityTypeBuilder<AccessLogEntry> b)
    {
        // No foreign keys: the log outlives the cases it names (retention deletes case data first).
        b.HasIndex(x => x.Sequence).IsUnique();
        b.HasIndex(x => x.At);
        b.HasIndex(x => new { x.ParticipantId, x.At });
        b.HasIndex(x => new { x.UserId, x.At });
        b.Property(x => x.Principal).HasMaxLength(AccessLogEntry.MaxPrincipalLength);
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.CaseRef).HasMaxLength(100);
        b.Property(x => x.Action).HasMaxLength(AccessLogEntry.MaxActionLength);
        b.Property(x => x.Path).HasMaxLength(AccessLogEntry.MaxPathLength);
        b.Property(x => x.RemoteAddress).HasMaxLength(AccessLogEntry.MaxAddressLength);
        b.Property(x => x.Reason).HasMaxLength(AccessLogEntry.MaxReasonLength);
        b.Property(x => x.Hash).HasMaxLength(64);
        b.Property(x => x.PreviousHash).HasMaxLength(64);
    }
}

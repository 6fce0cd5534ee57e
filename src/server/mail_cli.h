// `xuncha mail import`: turns every message of a Maildir (or a directory of .eml files) into a
// report of one group, or puts it in quarantine. Safe to run again: seen messages are skipped.
#pragma once

#include <string>

#include "core/ids.h"
#include "core/result.h"
#include "server/app_context.h"

namespace xuncha {

// A group given as its id or its exact name.
Result<GroupId> ResolveGroup(Store& store, const std::string& group);

struct MailImportCounts {
  int imported = 0;
  int duplicates = 0;
  int quarantined = 0;
  int unreadable_files = 0;
};

// Imports the files of DIR/new and DIR/cur (a Maildir), or else the regular files of DIR, in
// name order, printing one line per message. Errors of the database stop the run (what was
// imported stays); a file that cannot be read is reported and skipped.
Result<MailImportCounts> ImportMaildir(AppContext& ctx, GroupId group, const std::string& dir,
                                       bool verbose);

}  // namespace xuncha

#pragma once
// A row-oriented HDF5 compound table built column by column at run time, so
// that per-stage columns (ns_read, ns_lex, ...) follow stages.def. The same
// code path defines the columns and fills the rows, which keeps the schema
// and the data from drifting apart.
#include <hdf5.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace portalis::io {

class H5Table {
 public:
  // Define mode until the first begin_row(): each setter registers a column.
  void begin_row();
  // Keeps the columns, drops the rows: a table with no rows is defined by
  // filling one example row and clearing it.
  void clear_rows();
  void i32(const char* name, int32_t v);
  void u32(const char* name, uint32_t v);
  void u64(const char* name, uint64_t v);
  void u8(const char* name, uint8_t v);
  void f64(const char* name, double v);
  void str(const char* name, std::string_view v);  // copied; stored as variable-length UTF-8
  // Writes the rows as dataset `name` under `parent`. Returns "" or an error.
  std::string write(hid_t parent, const char* name, std::string_view doc);
  size_t rows() const { return rows_; }

 private:
  enum class Type { I32, U32, U64, U8, F64, Str };
  struct Column {
    std::string name;
    Type type;
    size_t offset;
  };
  void put(const char* name, Type type, const void* bytes, size_t size);
  std::vector<Column> columns_;
  size_t row_size_ = 0;
  size_t rows_ = 0;
  size_t next_col_ = 0;
  bool defining_ = true;
  std::vector<unsigned char> data_;
  std::vector<std::vector<std::string>> string_rows_;
};

// Minimal read-back used by tests and `h5dump`-free checks.
struct H5Reader {
  explicit H5Reader(const std::string& path);
  ~H5Reader();
  bool ok() const { return file_ >= 0; }
  // Rows of a table, or -1 when it does not exist.
  long long rows(const char* dataset) const;
  std::vector<uint64_t> u64_column(const char* dataset, const char* column) const;
  std::vector<int64_t> i64_column(const char* dataset, const char* column) const;
  std::vector<double> f64_column(const char* dataset, const char* column) const;
  std::vector<std::string> str_column(const char* dataset, const char* column) const;
  std::string str_attr(const char* object, const char* attr) const;
  long long int_attr(const char* object, const char* attr) const;
  std::vector<std::string> columns(const char* dataset) const;

 private:
  hid_t file_ = -1;
};

}  // namespace portalis::io

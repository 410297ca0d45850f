café = 1
𝔘𝔫𝔦𝔠𝔬𝔡𝔢 = "math letters"
ñ_1 = café + 𝔘𝔫𝔦𝔠𝔬𝔡𝔢
日本語 = [ñ_1]
